// Reading the status line the way a test needs it: numbers from data-value attributes.
import type { Page } from 'playwright-core';
import { countPainted } from './appTab.ts';

export async function statusValue(page: Page, field: string): Promise<string> {
  return (await page.getAttribute(`[data-testid="status-${field}"]`, 'data-value')) ?? '';
}

export async function statusNumber(page: Page, field: string): Promise<number> {
  return Number(await statusValue(page, field));
}

/** Waits until the primary run's step satisfies the predicate (the page updates once per animation frame at most). */
export async function waitForStep(page: Page, test: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (source) => {
      const step = Number(document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value'));
      return new Function('step', `return ${source}`)(step) as boolean;
    },
    test,
    { timeout },
  );
}

/**
 * Waits until every run is done and the charts show their settled pictures:
 * the repaint that settles a chart's axes at the end may be rastered in a
 * worker, the canvas holding its last picture (and saying so) meanwhile.
 */
export async function waitForDone(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const states = [...document.querySelectorAll('[data-testid^="status-state"]')].map((e) => e.getAttribute('data-value'));
      return states.length > 0 && states.every((s) => s === 'done') && document.querySelector('canvas[data-held]') === null;
    },
    undefined,
    { timeout },
  );
}

/** How many pixels of the canvases inside a panel have been drawn on, once no canvas holds a picture out (see waitForDone). */
export async function paintedPixels(page: Page, panelTestId: string): Promise<number> {
  await page.waitForFunction(() => document.querySelector('canvas[data-held]') === null);
  return page.evaluate(countPainted, panelTestId);
}
