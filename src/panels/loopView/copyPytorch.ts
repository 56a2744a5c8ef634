// "Copy as PyTorch", without the button: builds the script of the settings,
// hands it to the clipboard and says, in one sentence, what happened.
import { safeText } from '../../core/safeText.ts';
import type { Settings } from '../../core/settings.ts';
import { datasetFor } from '../shared/dataCache.ts';
import { loadPart, PartLoadError } from '../shared/lazyPart.ts';

export type WriteText = (text: string) => Promise<void>;

/** Lines of a script that ends in a newline. */
export function lineCount(script: string): number {
  const breaks = script.split('\n').length - 1;
  return script.endsWith('\n') ? breaks : breaks + 1;
}

function failure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return 'Copy failed: the browser did not allow access to the clipboard (click the page, then try again)';
  }
  // Our own sentence, shown whole; anything else is the browser's text, shown bounded.
  if (error instanceof PartLoadError) return `Copy failed: ${error.message}`;
  const reason = error instanceof Error ? error.message : String(error);
  return `Copy failed: ${safeText(reason) || 'the clipboard refused the text'}`;
}

/**
 * Copies the script of `settings` with `writeText` (null when the page has no
 * clipboard, as over plain http) and returns the sentence to announce.
 */
export async function copyPytorch(settings: Settings, writeText: WriteText | null): Promise<string> {
  if (!writeText) return 'Copy failed: this page has no clipboard access (it needs https or localhost)';
  let script: string;
  try {
    // Loaded on the first copy: the script generator is not needed to draw the page.
    const { pytorchScript } = await loadPart('the PyTorch script generator', () => import('../../core/pytorchScript.ts'));
    // The page's cached data set: the same examples the charts were drawn from.
    script = pytorchScript(settings, datasetFor(settings));
  } catch (error) {
    return failure(error);
  }
  try {
    await writeText(script);
  } catch (error) {
    return failure(error);
  }
  return `Copied ${lineCount(script).toLocaleString('en-US')} lines of PyTorch`;
}

/** The browser's clipboard writer, or null where there is none. */
export function browserClipboard(): WriteText | null {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  return clipboard && typeof clipboard.writeText === 'function' ? (text) => clipboard.writeText(text) : null;
}
