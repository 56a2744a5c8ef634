import { describe, expect, it } from 'vitest';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { LOSS_TITLES, lossMarks, xTitle } from '../../../src/panels/loss/lossMarks.ts';
import { LOG_START_GAP } from '../../../src/panels/loss/xWindow.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { m4Of } from '../../../src/worker/m4.ts';
import { trainedRun } from '../runFixture.ts';

const base: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };
const markOptions = { xAxis: 'steps', yScale: 'log', plotWidth: 496, epochDotSpacing: 7, epochRuleSpacing: 6, clipMarkSpacing: 8 } as const;

/** A long run as the store holds it for the whole-run view: M4 buckets of 64 steps, as the worker sends them. */
function lodRun() {
  const run = trainedRun({ n: 1000, b: 1, epochs: 100 }, Infinity, 'long');
  const plan = [{ start: 0, end: Infinity, width: 64 }];
  const full = m4Of(run.lossSeries, 'loss', plan);
  const batch = m4Of(run.lossSeries, 'batchLoss', plan);
  return { ...run, lossSeries: { ...full, revision: 1, stable: full.length }, batchLossSeries: { ...batch, revision: 1, stable: batch.length } };
}

describe('zooming the loss chart', () => {
  it('shows exactly the steps inside the zoom, each as its own row, with the y-axis fitted to them', () => {
    const run = trainedRun({ b: 1 }, Infinity);
    const layout = buildLossLayout([run], { ...base, zoom: [500, 520] });
    expect(layout.xDomain).toEqual([500, 520]);
    const { drawn } = layout.series[0].full;
    // Steps 499 … 521: one row per step, plus one beyond each edge so the line reaches them.
    expect(Array.from(drawn.x)).toEqual(Array.from({ length: 23 }, (_, i) => 499 + i));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < run.lossSeries.length; i++) {
      const step = run.lossSeries.step[i];
      if (step < 500 || step > 520) continue;
      lo = Math.min(lo, run.lossSeries.loss[i]);
      hi = Math.max(hi, run.lossSeries.loss[i]);
    }
    expect(layout.yDomain[0]).toBeLessThanOrEqual(lo);
    expect(layout.yDomain[0]).toBeGreaterThan(lo / 2);
    expect(layout.yDomain[1]).toBeGreaterThanOrEqual(hi);
    expect(layout.yDomain[1]).toBeLessThan(startLossFor(run.settings));
    expect(lossMarks(layout, markOptions).thinnedSteps).toBe(0);
  });

  it('says when a zoomed view is drawn from level-of-detail buckets, and not when it is not', () => {
    const run = lodRun();
    const whole = lossMarks(buildLossLayout([run], base), markOptions);
    expect(whole.thinnedSteps).toBe(0); // a bucket is narrower than a pixel column: exact as drawn
    const zoomed = lossMarks(buildLossLayout([run], { ...base, zoom: [50_000, 50_500] }), markOptions);
    expect(zoomed.thinnedSteps).toBeGreaterThan(1);
    expect(zoomed.thinnedSteps).toBeLessThanOrEqual(2 * 64);
  });

  it('says where the curve will be in a zoom that no step has reached yet, not an arbitrary 0.01 to 1', () => {
    const run = trainedRun({}, 50);
    const layout = buildLossLayout([run], { ...base, zoom: [150, 190] });
    expect(layout.hasRows).toBe(true);
    expect(layout.hasRowsInWindow).toBe(false);
    const start = startLossFor(run.settings);
    expect(layout.yDomain[0]).toBeLessThan(start);
    expect(layout.yDomain[1]).toBeGreaterThan(start);
    expect(buildLossLayout([run], { ...base, zoom: [10, 40] }).hasRowsInWindow).toBe(true);
  });

  it('keeps rules and epoch dots to the zoomed range', () => {
    const run = trainedRun({ b: 1 }, Infinity); // 100 steps per epoch
    const marks = lossMarks(buildLossLayout([run], { ...base, zoom: [250, 650] }), markOptions);
    expect(marks.rules.map((r) => r.epoch)).toEqual([3, 4, 5, 6]);
    expect(marks.epochDots.map((d) => d.x)).toEqual([300, 400, 500, 600]);
  });
});

describe('a log x-axis', () => {
  it('starts below the first step and says the start is at its left edge', () => {
    const run = trainedRun({ b: 10 }, Infinity);
    const layout = buildLossLayout([run], { ...base, xAxis: 'epochs', logX: true });
    expect(layout.xDomain[0]).toBeCloseTo(0.1 / LOG_START_GAP, 12);
    expect(layout.window.firstStep).toBeCloseTo(0.1, 12);
    expect(lossMarks(layout, { ...markOptions, xAxis: 'epochs' }).titles[0]).toBe(xTitle('epochs', true));
    expect(xTitle('epochs', true)).toContain('log scale; the start, 0, at the left edge');
  });
});

describe('the title', () => {
  it('follows the x-axis', () => {
    expect(LOSS_TITLES).toEqual({ steps: 'Loss per step', epochs: 'Loss per epoch', examples: 'Loss per example seen' });
  });
});

describe('smoothing in x-axis units', () => {
  it('smooths runs of different lengths alike: b = 100 ends near its real loss (?lr=0.1&x=examples&smooth=0.9&runs=b:1,base,b:100)', () => {
    const runs = [trainedRun({ lr: 0.1, b: 1 }, Infinity, 'b1'), trainedRun({ lr: 0.1 }, Infinity, 'base'), trainedRun({ lr: 0.1, b: 100 }, Infinity, 'b100')];
    const layout = buildLossLayout(runs, { ...base, xAxis: 'examples', smoothing: 0.9 });
    const big = layout.series[2];
    const n = big.batch.length;
    const last = big.batch.smooth![n - 1];
    const real = big.full.y[big.full.length - 1];
    // Smoothed per row, the b = 100 line (20 rows) ended near 1.1 against a real 0.31; over a share of the axis it stays near it.
    expect(last / real).toBeLessThan(1.3);
    expect(layout.smoothWindow).toBeGreaterThan(0);
    // One window for every run: measured along the shared axis, not per run.
    expect(layout.smoothWindow).toBeLessThan(0.05 * layout.xDomain[1]);
  });
});
