// The app as the engine-neutral tests read it: status values, painted charts,
// the exported JSON and the copied link, through the Tab interface only.
import type { Tab } from './engines.ts';

type PageGlobals = Window & { __e2eExports?: Promise<string>[]; __e2eCopied?: string[] };

export async function statusValue(tab: Tab, field: string): Promise<string> {
  await tab.waitFor((f) => document.querySelector(`[data-testid="status-${f}"]`) !== null, field, { message: `status-${field}` });
  return tab.evaluate((f) => document.querySelector(`[data-testid="status-${f}"]`)?.getAttribute('data-value') ?? '', field);
}

/** Waits until the primary run's step satisfies `test`, an expression in `step`. */
export function waitForStep(tab: Tab, test: string, timeout = 30_000): Promise<void> {
  return tab.waitFor(
    (source) => {
      const step = Number(document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value'));
      return new Function('step', `return ${source}`)(step) as boolean;
    },
    test,
    { timeout, message: `the status step to satisfy ${test}` },
  );
}

/** Steps whole epochs with the "step epoch" button, waiting for each to land. */
export async function stepEpochs(tab: Tab, epochs: number, stepsPerEpoch: number): Promise<void> {
  await tab.waitFor(() => document.querySelector('[data-testid="status-step"]') !== null, undefined, { message: 'the status line' });
  for (let e = 1; e <= epochs; e++) {
    await tab.click('[data-testid="step-epoch"]');
    await waitForStep(tab, `step === ${e * stepsPerEpoch}`);
  }
}

/** In the page: how many pixels of the canvases inside a panel have been drawn on. */
export function countPainted(id: string): number {
  let count = 0;
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)) {
    const ctx = canvas.getContext('2d');
    if (!ctx || !canvas.width || !canvas.height) continue;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count++;
  }
  return count;
}

export function paintedPixels(tab: Tab, panelTestId: string): Promise<number> {
  return tab.evaluate(countPainted, panelTestId);
}

/** Waits until a panel's canvases have more than `min` painted pixels (charts draw on the frame after the data arrives). */
export function waitForPainted(tab: Tab, panelTestId: string, min: number): Promise<void> {
  return tab.waitFor(
    ([source, id, least]) => (new Function(`return ${source}`)() as (id: string) => number)(id) > least,
    [countPainted.toString(), panelTestId, min] as [string, string, number],
    { message: `more than ${min} painted pixels in ${panelTestId}` },
  );
}

/**
 * Clicks "Export JSON" and returns the file's text. Every engine's driver
 * handles downloads differently (MiniBrowser's not at all), so the blob is read
 * where the page makes it and the `<a download>` click is cancelled; the
 * download itself is tested without a page in tests/ui.
 */
export async function exportJson(tab: Tab): Promise<string> {
  await tab.evaluate(() => {
    const page = window as PageGlobals;
    if (!page.__e2eExports) {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) page.__e2eExports?.push(blob.text());
        return create(blob);
      };
      document.addEventListener('click', (event) => {
        if (event.target instanceof HTMLAnchorElement && event.target.hasAttribute('download')) event.preventDefault();
      }, true);
    }
    page.__e2eExports = [];
  });
  await tab.click('[data-testid="export-json"]');
  await tab.waitFor(() => ((window as PageGlobals).__e2eExports ?? []).length > 0, undefined, { message: 'the export blob' });
  return tab.evaluate(() => (window as PageGlobals).__e2eExports![0]);
}

/** Clicks "Copy link" and returns what the page wrote to the clipboard (captured in the page: no engine's clipboard is needed). */
export async function copyLink(tab: Tab): Promise<string> {
  await tab.evaluate(() => {
    const page = window as PageGlobals;
    page.__e2eCopied = [];
    const clipboard = {
      writeText: async (text: string) => {
        page.__e2eCopied!.push(text);
      },
    };
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  });
  await tab.click('[data-testid="copy-link"]');
  await tab.waitFor(() => /copied/i.test(document.querySelector('[data-testid="copy-said"]')?.textContent ?? ''), undefined, { message: '"Link copied"' });
  return tab.evaluate(() => (window as PageGlobals).__e2eCopied![0]);
}
