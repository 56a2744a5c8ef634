// Validation loss on the page: a link with val=0.2 shows the val control, the
// status line's val loss (the engine's trainer.valLoss after three epochs),
// the loss chart's legend entries for the val_loss marks, and the val_loss
// curve per step, drawn through the numbers of the page's own JSON export —
// in headless Chromium.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTrainer, DEFAULT_SETTINGS } from '../../src/core/index.ts';
import { VAL_CURVE_LABEL, VAL_LOSS_LABEL } from '../../src/panels/loss/legendEntries.ts';
import { LOSS_STYLE } from '../../src/panels/loss/style.ts';
import { formatValue } from '../../src/panels/shared/format.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { statusNumber, statusValue, waitForDone, waitForStep } from './statusReader.ts';

/** The file a button of the page downloads, as text. */
async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  return readFileSync(await file.path(), 'utf8');
}

interface Path {
  readonly attributes: Record<string, string>;
  readonly points: [number, number][];
}

/** The <path>s of an SVG with their attributes and M/L points. */
function pathsOf(svg: string): Path[] {
  return [...svg.matchAll(/<path ([^>]*?)\/?>/g)].map(([, attrs]) => {
    const attributes = Object.fromEntries([...attrs.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    const points = [...(attributes.d ?? '').matchAll(/[ML](-?[\d.e+-]+) (-?[\d.e+-]+)/g)].map(([, x, y]) => [Number(x), Number(y)] as [number, number]);
    return { attributes, points };
  });
}

describe.runIf(hasBrowser)('validation loss in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('?val=0.2&epochs=3: three epoch steps give the engine’s val loss, and the legend names val_loss', async () => {
    const { page, errors } = await openApp(browser, '?val=0.2&epochs=3');
    await page.waitForSelector('[data-testid="status-step"]');
    expect(await page.inputValue('[data-testid="setting-val"]')).toBe('0.2');
    for (let epoch = 1; epoch <= 3; epoch++) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step === ${epoch * 10}`);
    }
    const trainer = createTrainer({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], val: 0.2, epochs: 3 });
    trainer.advance(30, null, null);
    expect(trainer.step).toBe(30);
    expect(Number.isFinite(trainer.valLoss)).toBe(true);
    // data-value is String(x), which reads back to the same double.
    expect(await statusNumber(page, 'step')).toBe(30);
    expect(await statusNumber(page, 'val-loss')).toBe(trainer.valLoss);
    expect(await page.textContent('[data-testid="loss-panel"]')).toContain(VAL_LOSS_LABEL);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without val the status line has no val loss and the legend does not name it', async () => {
    const { page, errors } = await openApp(browser, '?epochs=3');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 10');
    expect(await page.locator('[data-testid="status-val-loss"]').count()).toBe(0);
    expect(Number(await statusValue(page, 'loss'))).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="loss-panel"]')).not.toContain(VAL_LOSS_LABEL);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('?val=0.2&epochs=5 played to the end draws val_loss per step: a dashed curve through the JSON export’s valLoss at every step', async () => {
    const { page, errors } = await openApp(browser, '?val=0.2&epochs=5&speed=max');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="play"]');
    await waitForDone(page);
    expect(await statusNumber(page, 'step')).toBe(50);
    const legend = await page.textContent('[data-testid="loss-panel"]');
    expect(legend).toContain(VAL_CURVE_LABEL);
    expect(legend).toContain(VAL_LOSS_LABEL);

    const [run] = JSON.parse(await download(page, 'export-json')) as { steps: { step: number[]; loss: number[]; valLoss: number[] } }[];
    const { step, loss, valLoss } = run.steps;
    expect(step).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect(valLoss.every(Number.isFinite)).toBe(true);

    const paths = pathsOf(await download(page, 'svg-loss'));
    const dashed = paths.filter((p) => p.attributes['stroke-dasharray'] === LOSS_STYLE.val.dash!.join(' '));
    expect(dashed).toHaveLength(1);
    const [val] = dashed;
    const color = val.attributes.stroke;
    const [full] = paths.filter((p) => p.attributes.stroke === color && p.attributes['stroke-width'] === String(LOSS_STYLE.full.raw.width) && !p.attributes['stroke-dasharray'] && !p.attributes['stroke-opacity']);
    // 50 steps over hundreds of pixels: one point per step on each curve, at the same x.
    expect(full.points).toHaveLength(51);
    expect(val.points).toHaveLength(51);
    val.points.forEach(([x], i) => expect(Math.abs(x - full.points[i][0])).toBeLessThanOrEqual(0.01));
    // The y-axis is logarithmic: the full curve's ends fix y = a + b·ln(v); every val point then sits at its exported valLoss (to the SVG's 1/100 px).
    const b = (full.points[50][1] - full.points[0][1]) / (Math.log(loss[50]) - Math.log(loss[0]));
    const a = full.points[0][1] - b * Math.log(loss[0]);
    full.points.forEach(([, y], i) => expect(Math.abs(y - (a + b * Math.log(loss[i])))).toBeLessThan(0.02));
    val.points.forEach(([, y], i) => expect(Math.abs(y - (a + b * Math.log(valLoss[i]))), `step ${i}`).toBeLessThan(0.02));
    // And it is not the full loss drawn again: somewhere the two curves are pixels apart.
    expect(Math.max(...val.points.map(([, y], i) => Math.abs(y - full.points[i][1])))).toBeGreaterThan(3);

    // Reading the chart gives the val loss at the step read, between epoch ends too: the newest row, then 13 back.
    await page.focus('[data-testid="loss-panel"] .panel-plot');
    const cells = () => page.$$eval('[data-testid="loss-panel"] .panel-tooltip td', (tds) => tds.map((td) => td.textContent ?? ''));
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="loss-panel"] .panel-tooltip');
    expect(await page.textContent('[data-testid="loss-panel"] .panel-tooltip th:last-child')).toBe('val loss');
    const newest = await cells();
    expect([newest[1], newest.at(-1)]).toEqual(['50', formatValue(valLoss[50])]);
    for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await cells())[1]).toBe('37');
    expect((await cells()).at(-1)).toBe(formatValue(valLoss[37]));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without val the loss chart draws no val curve and its SVG has no dashed curve', async () => {
    const { page, errors } = await openApp(browser, '?epochs=2&speed=max');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="play"]');
    await waitForDone(page);
    expect(await page.textContent('[data-testid="loss-panel"]')).not.toContain(VAL_CURVE_LABEL);
    const paths = pathsOf(await download(page, 'svg-loss'));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.some((p) => p.attributes['stroke-dasharray'])).toBe(false);
    const [run] = JSON.parse(await download(page, 'export-json')) as { steps: Record<string, unknown> }[];
    expect(run.steps).not.toHaveProperty('valLoss');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
