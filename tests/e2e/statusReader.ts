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

/** How many pixels of the canvases inside a panel have been drawn on. */
export function paintedPixels(page: Page, panelTestId: string): Promise<number> {
  return page.evaluate(countPainted, panelTestId);
}
