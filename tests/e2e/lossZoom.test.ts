// Zooming the loss chart as a learner does: drag over it, double-click to
// reset, + on the focused chart, log x — each reaching the link and the axis,
// in the built site in headless Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { waitForDone } from './statusReader.ts';

const surface = '[data-testid="loss-panel"] [data-testid="loss-plot-surface"]';

/** The loss chart's x tick labels, as shown. */
const xTicks = (page: Page) => page.$$eval('[data-testid="loss-panel"] .x-axis .tick text', (ts) => ts.map((t) => t.textContent ?? ''));
const yTicks = (page: Page) => page.$$eval('[data-testid="loss-panel"] .y-axis .tick', (ts) =>
    // d3 keeps each tick's value on its element.
    ts.map((t) => (t as unknown as { __data__: number }).__data__),
  );
const zoomOf = (page: Page) => new URL(page.url()).searchParams.get('zoom');
const numbers = (ticks: string[]) => ticks.filter((t) => t !== '').map(Number);

describe.runIf(hasBrowser)('zooming the loss chart in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('drag zooms the x-axis into the link, double-click resets, + zooms from the keyboard, log x reaches the link', { timeout: 60_000 }, async () => {
    const { page, errors } = await openApp(browser, '?speed=max');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="play"]');
    await waitForDone(page);
    expect(zoomOf(page)).toBeNull();
    const before = numbers(await xTicks(page));
    expect(Math.max(...before)).toBe(200);

    // Drag over the middle half of the plot (margins: 50 px left, 14 px right).
    const box = (await page.locator(surface).boundingBox())!;
    const plotLeft = box.x + 50;
    const plotWidth = box.width - 64;
    const y = box.y + box.height / 2;
    await page.mouse.move(plotLeft + plotWidth * 0.25, y);
    await page.mouse.down();
    await page.mouse.move(plotLeft + plotWidth * 0.5, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('zoom'));
    const [from, to] = zoomOf(page)!.split('_').map(Number);
    expect(from).toBeGreaterThan(40);
    expect(from).toBeLessThan(60);
    expect(to).toBeGreaterThan(90);
    expect(to).toBeLessThan(110);
    const zoomed = numbers(await xTicks(page));
    expect(Math.min(...zoomed)).toBeGreaterThanOrEqual(from);
    expect(Math.max(...zoomed)).toBeLessThanOrEqual(to);
    await page.waitForSelector('[data-testid="loss-zoom-reset"]');

    // A reload of the link shows the same zoom.
    await page.reload();
    await page.waitForSelector('[data-testid="status-step"]');
    expect(numbers(await xTicks(page))).toEqual(zoomed);
    await page.click('[data-testid="play"]');
    await waitForDone(page);

    await page.dblclick(surface, { position: { x: 50 + plotWidth / 2, y: box.height / 2 } });
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('zoom'));
    expect(await page.$('[data-testid="loss-zoom-reset"]')).toBeNull();

    await page.focus('[data-testid="loss-panel"] .panel-plot');
    await page.keyboard.press('+');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('zoom'));
    expect(zoomOf(page)).toBe('50_150');
    // The arrow keys still read values.
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="loss-panel"] .panel-tooltip');
    await page.keyboard.press('0');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('zoom'));

    await page.check('[data-testid="log-x"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('logx') === '1');
    expect(await page.textContent('[data-testid="loss-panel"] .x-title')).toContain('log scale');
    expect(await page.textContent('[data-testid="loss-panel"] .panel-title')).toBe('Loss per step');
    await page.click('[data-testid="x-epochs"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="loss-panel"] .panel-title')?.textContent === 'Loss per epoch');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits the y-axis to the full losses: the start before play, and not b = 1’s near-zero batch losses', { timeout: 60_000 }, async () => {
    const { page, errors } = await openApp(browser, '?speed=max&runs=b:1,base,b:100');
    await page.waitForSelector('[data-testid="status-step"]');
    const idle = await yTicks(page);
    // The starting loss (8.38) is on the empty chart's axis.
    expect(Math.min(...idle)).toBeLessThan(8.38);
    expect(Math.max(...idle)).toBeGreaterThan(8.38 / 1.5);
    await page.click('[data-testid="play"]');
    await waitForDone(page);
    const done = await yTicks(page);
    // Single-example losses reach 1e-4; the axis stays within a decade of the lowest full loss (0.08).
    expect(Math.min(...done)).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
