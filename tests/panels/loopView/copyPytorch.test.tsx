import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CopyPytorchButton } from '../../../src/panels/loopView/CopyPytorchButton.tsx';
import { copyPytorch, lineCount } from '../../../src/panels/loopView/copyPytorch.ts';
import { pytorchScript } from '../../../src/core/pytorchScript.ts';
import { generateData } from '../../../src/core/index.ts';
import { settingsWith } from './engineWalk.ts';

describe('Copy as PyTorch', () => {
  it('puts the script of the settings on the clipboard and says how many lines it has', async () => {
    const settings = settingsWith({ n: 37, b: 5, shuffle: 'batches', decay: 0.2 });
    const written: string[] = [];
    const said = await copyPytorch(settings, async (text) => {
      written.push(text);
    });
    const script = pytorchScript(settings, generateData(settings));
    expect(written).toEqual([script]);
    expect(said).toBe(`Copied ${script.split('\n').length - 1} lines of PyTorch`);
  });

  it('says why when the clipboard refuses, and when the page has none', async () => {
    const settings = settingsWith({ n: 10 });
    const refused = await copyPytorch(settings, () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    expect(refused).toMatch(/^Copy failed: the browser did not allow access to the clipboard/);
    const broken = await copyPytorch(settings, () => Promise.reject(new Error('Write permission denied.')));
    expect(broken).toBe('Copy failed: Write permission denied.');
    expect(await copyPytorch(settings, null)).toMatch(/^Copy failed: this page has no clipboard access/);
  });

  it('counts lines whether or not the text ends in a newline', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a')).toBe(1);
  });

  it('is a button beside an empty polite live region', () => {
    const html = renderToStaticMarkup(<CopyPytorchButton settings={settingsWith({})} />);
    expect(html).toMatch(/<button type="button" data-testid="copy-pytorch"[^>]*>Copy as PyTorch<\/button>/);
    expect(html).toMatch(/<span role="status" aria-live="polite"[^>]*data-testid="copy-pytorch-said"><\/span>/);
  });
});
