// Touch as a phone user meets the charts, with real touch input (CDP): a
// vertical swipe over a chart scrolls the page and never restarts the run, a
// tap does nothing, a press and hold sets w0, two fingers zoom the weight
// space, and a hold on the loss chart reads the values a mouse hover shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { ensureScrollRoom, hold, openTouchApp, pinch, scrolledAt, swipe, touchGesture, touchPointOf, type TouchPage } from './touch.ts';
import { waitForDone } from './statusReader.ts';

const LOSS = '[data-testid="loss-panel"] [data-testid="loss-plot-surface"]';
const WEIGHTS = '[data-testid="weight-panel"] svg.panel-fg';
const TOOLTIP = '[data-testid="loss-panel"] .panel-tooltip';

const w0Of = (page: Page) => page.inputValue('[data-testid="setting-w0"]');
/** The weight space's x tick values: they change exactly when its view does. */
const weightTicks = (page: Page) => page.$$eval('[data-testid="weight-panel"] .x-axis .tick', (ts) => ts.map((t) => (t as unknown as { __data__: number }).__data__));
const span = (ticks: number[]) => Math.max(...ticks) - Math.min(...ticks);

/** A point inside the weight space's plot box a finger can reach (its margins are small; the middle is inside). */
const insideWeights = async (page: Page) => (await touchPointOf(page, WEIGHTS)).at;

/** The app on a phone (its one-column layout puts the charts where a finger reaches them). */
async function openPhone(browser: Browser, query: string): Promise<TouchPage> {
  const opened = await openTouchApp(browser, query);
  await opened.page.waitForSelector('[data-testid="status-step"]');
  return opened;
}

describe.runIf(hasBrowser)('touch on the charts, in Chromium as a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a vertical swipe over each main chart scrolls the page and leaves w0, the zoom and the run alone', async () => {
    const { page, cdp, errors } = await openPhone(browser, '?n=100&b=8');
    await ensureScrollRoom(page);
    const w0 = await w0Of(page);
    const url = page.url();
    const ticks = await weightTicks(page);
    for (const chart of [LOSS, WEIGHTS]) {
      const up = (await touchPointOf(page, chart)).at;
      const before = await scrolledAt(page, chart);
      await swipe(cdp, up, [up[0], up[1] - 300]);
      await page.waitForTimeout(300);
      expect(await scrolledAt(page, chart), `a swipe up over ${chart} scrolls the page`).toBeGreaterThan(before + 100);
      // And back: a swipe down over the chart, where it now is, scrolls the other way.
      const down = (await touchPointOf(page, chart, false)).at;
      const mid = await scrolledAt(page, chart);
      await swipe(cdp, down, [down[0], down[1] + 250]);
      await page.waitForTimeout(300);
      expect(await scrolledAt(page, chart), `a swipe down over ${chart} scrolls back`).toBeLessThan(mid - 80);
    }
    await page.waitForTimeout(700);
    expect(await w0Of(page)).toBe(w0);
    expect(page.url()).toBe(url);
    expect(await weightTicks(page)).toEqual(ticks);
    expect(await page.$(TOOLTIP)).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a tap on the weight space leaves w0; a press and hold sets it there', async () => {
    const { page, cdp, errors } = await openPhone(browser, '?n=100&b=8');
    const w0 = await w0Of(page);
    const at = await insideWeights(page);
    await touchGesture(cdp, [at], [at], 0);
    await page.waitForTimeout(800);
    expect(await w0Of(page), 'a tap never sets w0').toBe(w0);
    // A press that drifts (a slow swipe) before the hold time is not a hold either.
    await touchGesture(cdp, [at], [[at[0] + 30, at[1]]], 6, 200);
    await page.waitForTimeout(800);
    expect(await w0Of(page), 'a drifting press never sets w0').toBe(w0);

    await hold(cdp, at, 800);
    await page.waitForFunction((before) => (document.querySelector('[data-testid="setting-w0"]') as HTMLInputElement).value !== before, w0);
    expect(new URL(page.url()).searchParams.get('w0')).not.toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('two fingers spreading over the weight space zoom it in, and do not set w0', async () => {
    const { page, cdp, errors } = await openPhone(browser, '?n=100&b=8');
    const w0 = await w0Of(page);
    const before = await weightTicks(page);
    const at = await insideWeights(page);
    await pinch(cdp, at, 40, 160);
    await page.waitForFunction((n) => {
      const ticks = [...document.querySelectorAll('[data-testid="weight-panel"] .x-axis .tick')].map((t) => (t as unknown as { __data__: number }).__data__);
      return ticks.length > 0 && Math.max(...ticks) - Math.min(...ticks) < n;
    }, span(before) * 0.7);
    const spread = await weightTicks(page);
    expect(span(spread)).toBeLessThan(span(before) * 0.7);
    await pinch(cdp, at, 160, 40);
    await page.waitForFunction((n) => {
      const ticks = [...document.querySelectorAll('[data-testid="weight-panel"] .x-axis .tick')].map((t) => (t as unknown as { __data__: number }).__data__);
      return Math.max(...ticks) - Math.min(...ticks) > n;
    }, span(spread) * 1.5);
    await page.waitForTimeout(700);
    expect(await w0Of(page)).toBe(w0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a mouse click on the weight space still sets w0 at once', async () => {
    const { page, errors } = await openApp(browser, '?n=100&b=8');
    await page.waitForSelector('[data-testid="status-step"]');
    const w0 = await w0Of(page);
    const box = (await page.locator(WEIGHTS).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((before) => (document.querySelector('[data-testid="setting-w0"]') as HTMLInputElement).value !== before, w0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a press and hold on the loss chart shows the values hover shows, and moving the finger reads on', async () => {
    const { page, cdp, errors } = await openPhone(browser, '?n=100&b=8&speed=max');
    await page.click('[data-testid="play"]');
    await waitForDone(page);
    await touchPointOf(page, LOSS);
    const box = (await page.locator(LOSS).boundingBox())!;
    // Plot margins: 50 px left, 14 px right.
    const plotX = (f: number) => box.x + 50 + (box.width - 64) * f;
    const y = box.y + box.height / 2;
    const stepShown = () => page.$eval(`${TOOLTIP} tbody tr td:nth-child(2)`, (td) => Number(td.textContent!.replace(/\D/g, '')));

    // A tap shows nothing (a finger does not hover).
    await touchGesture(cdp, [[plotX(0.3), y]], [[plotX(0.3), y]], 0);
    await page.waitForTimeout(300);
    expect(await page.$(TOOLTIP)).toBeNull();

    await hold(cdp, [plotX(0.25), y], 700, [plotX(0.75), y]);
    await page.waitForSelector(TOOLTIP);
    const late = await stepShown();
    // Three quarters across the whole run, after the finger moved there from a quarter.
    const total = Number(await page.getAttribute('[data-testid="status-step"]', 'data-value'));
    expect(late).toBeGreaterThan(total * 0.7);
    expect(late).toBeLessThan(total * 0.8);
    // The table is wider than the phone's chart is on either side of the finger: it is moved in, not cut at the edge.
    const tip = (await page.locator(TOOLTIP).boundingBox())!;
    expect(tip.x).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(tip.x + tip.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    // The reading stays once the finger lifts, so the finger does not hide it, and is the one a mouse hover gives.
    await page.mouse.move(plotX(0.75), y);
    await page.waitForTimeout(100);
    expect(await stepShown()).toBe(late);
    expect(new URL(page.url()).searchParams.get('zoom'), 'a hold is a reading, not a zoom drag').toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
