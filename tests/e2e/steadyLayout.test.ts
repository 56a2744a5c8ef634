// While runs train, the text around the charts changes with every update — the
// numbers, a caption that goes from two lines to one, a fit formula that grows
// a digit, a legend entry that applies once a curve leaves the axis. None of it
// may resize a chart's plot: each resize repaints every layer of that chart
// whole, mid-run (the data panel's scatter of 10,000 dots in one long frame).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { SCREENS } from './layoutProbe.ts';
import { waitForDone } from './statusReader.ts';

const LINK = '?n=10000&b=32&epochs=300&speed=max&runs=shuffle:none,base,shuffle:replacement';
const SHOWN = ['phone', 'laptop'];

type ResizeWindow = Window & { __plotResizes?: string[] };

/** In the page: from now on, every change of a chart plot's size, as "panel: w×h". */
function recordPlotResizes(): void {
  const w = window as ResizeWindow;
  const resizes: string[] = (w.__plotResizes = []);
  for (const plot of document.querySelectorAll<HTMLElement>('.panel-plot')) {
    let last = '';
    new ResizeObserver(() => {
      const box = plot.getBoundingClientRect();
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      // The first callback reports the size the plot already had.
      if (last && size !== last) resizes.push(`${plot.closest('[data-testid]')?.getAttribute('data-testid')}: ${last} → ${size}`);
      last = size;
    }).observe(plot);
  }
}

describe.runIf(hasBrowser)('the layout while runs train', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SCREENS.filter((s) => SHOWN.includes(s.name)).map((s) => [s.name, s] as const))('%s: no chart’s plot changes size from Play to the end', async (_, screen) => {
    const { page, errors } = await openApp(browser, LINK, { width: screen.width, height: screen.height }, undefined, screen.device);
    await page.waitForSelector('[data-testid="status-step"]');
    // The lazily loaded panels (data, caption, loop view) are in place before the recording starts.
    await page.waitForSelector('[data-testid="data-panel"] canvas');
    await page.waitForTimeout(500);
    await page.evaluate(recordPlotResizes);
    await (screen.device?.hasTouch ? page.tap('[data-testid="play"]') : page.click('[data-testid="play"]'));
    await waitForDone(page);
    const resizes = await page.evaluate(() => (window as ResizeWindow).__plotResizes ?? []);
    expect(resizes).toEqual([]);
    // It did train and redraw: the record is of a run, not of a page that sat still.
    expect(Number(await page.getAttribute('[data-testid="status-step"]', 'data-value'))).toBe(300 * Math.ceil(10_000 / 32));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
