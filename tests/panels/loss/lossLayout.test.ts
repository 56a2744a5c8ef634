import { describe, expect, it } from 'vitest';
import { hoverRows } from '../../../src/panels/loss/hoverRows.ts';
import { buildLossLayout, LossLayoutCache, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { trainedRun } from '../runFixture.ts';

const base: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };

describe('loss chart layout', () => {
  it('puts each run on the shared axis with its own schedule', () => {
    const small = trainedRun({ b: 10 }, Infinity, 'b10'); // 10 steps per epoch
    const large = trainedRun({ b: 50 }, Infinity, 'b50'); // 2 steps per epoch
    const layout = buildLossLayout([small, large], { ...base, xAxis: 'epochs' });
    const [s, l] = layout.series;
    // Row 0 is the start; row i is step i.
    expect(s.full.x[0]).toBe(0);
    expect(s.full.x[10]).toBe(1);
    expect(l.full.x[2]).toBe(1);
    expect(layout.xDomain).toEqual([0, 20]);
    const byExamples = buildLossLayout([small, large], { ...base, xAxis: 'examples' });
    expect(byExamples.series[0].full.x[1]).toBe(10);
    expect(byExamples.series[1].full.x[1]).toBe(50);
    expect(byExamples.series[1].batch.x[0]).toBe(50);
    expect(byExamples.series[1].epochs.x[0]).toBe(100);
  });

  it('leaves hidden runs out and rules the epochs of the chosen primary run', () => {
    const a = trainedRun({}, 30, 'a');
    const b = { ...trainedRun({ b: 25 }, 30, 'b') };
    const hidden = { ...trainedRun({}, 30, 'h'), visible: false };
    const layout = buildLossLayout([a, b, hidden], { ...base, primaryRunId: 'b' });
    expect(layout.series.map((s) => s.run.id)).toEqual(['a', 'b']);
    expect(layout.primary?.run.id).toBe('b');
    expect(buildLossLayout([a, b], { ...base, primaryRunId: 'gone' }).primary?.run.id).toBe('a');
  });

  it('has nothing to draw before the first step, with a usable axis', () => {
    const layout = buildLossLayout([trainedRun({}, 0)], base);
    expect(layout.hasRows).toBe(false);
    expect(layout.xDomain[1]).toBeGreaterThan(0);
    expect(layout.yDomain[1]).toBeGreaterThan(layout.yDomain[0]);
  });

  it('keeps a finite axis when a run diverges, and a linear axis near the converging run', () => {
    const good = trainedRun({}, Infinity, 'good');
    const bad = trainedRun({ lr: 3 }, Infinity, 'bad');
    expect(bad.status).toBe('diverged');
    for (const yScale of ['log', 'linear'] as const) {
      const [lo, hi] = buildLossLayout([good, bad], { ...base, yScale }).yDomain;
      expect(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo).toBe(true);
    }
    const [, linearTop] = buildLossLayout([good, bad], { ...base, yScale: 'linear' }).yDomain;
    expect(linearTop).toBeLessThan(10 * startLossFor(good.settings));
    expect(linearTop).toBeGreaterThan(startLossFor(good.settings));
  });

  it('smooths the mini-batch curve only when asked, and never the full loss', () => {
    const run = trainedRun({ b: 1 }, 200);
    expect(buildLossLayout([run], base).series[0].batch.smooth).toBeNull();
    expect(buildLossLayout([run], { ...base, smoothing: 0.9 }).series[0].full.smooth).toBeNull();
    const smooth = buildLossLayout([run], { ...base, smoothing: 0.9 }).series[0].batch;
    expect(smooth.smooth![0]).toBe(smooth.y[0]);
    expect(smooth.smooth).not.toBeNull();
    // Smoothing tames the single-example noise: the smoothed curve varies less from step to step.
    const roughness = (ys: ArrayLike<number>) => {
      let total = 0;
      for (let i = 101; i < 200; i++) total += Math.abs(ys[i] - ys[i - 1]);
      return total;
    };
    expect(roughness(smooth.smooth!)).toBeLessThan(roughness(smooth.y) / 3);
  });

  it('reports, for the hovered x, each run’s nearest step with both losses', () => {
    const a = trainedRun({ b: 10 }, Infinity, 'a');
    const b = trainedRun({ b: 50 }, Infinity, 'b');
    const rows = hoverRows(buildLossLayout([a, b], { ...base, xAxis: 'epochs' }), 3.02);
    expect(rows.map((r) => r.run.id)).toEqual(['a', 'b']);
    expect(rows[0].step).toBe(30);
    expect(rows[0].epoch).toBe(3);
    expect(rows[1].step).toBe(6);
    expect(rows[0].loss).toBe(a.lossSeries.loss[29]);
    expect(rows[0].batchLoss).toBe(a.lossSeries.batchLoss[29]);
  });

  it('starts each curve at step 0 with the loss at the start weights', () => {
    const run = trainedRun({}, 5);
    const layout = buildLossLayout([run], base);
    expect(layout.series[0].full.y[0]).toBe(startLossFor(run.settings));
    const [start] = hoverRows(layout, 0);
    expect(start.step).toBe(0);
    expect(start.loss).toBe(startLossFor(run.settings));
    expect(start.batchLoss).toBeNaN();
    expect(hoverRows(layout, 1)[0].batchLoss).toBe(run.lossSeries.batchLoss[0]);
  });
});

describe('the y-axis, fitted to what matters', () => {
  it('is placed by the full losses, not by single-example batch losses near zero (?speed=600&runs=b:1,base,b:100)', () => {
    const runs = [trainedRun({ b: 1 }, Infinity, 'b1'), trainedRun({}, Infinity, 'base'), trainedRun({ b: 100 }, Infinity, 'b100')];
    const layout = buildLossLayout(runs, base);
    let fullLow = Infinity;
    let batchLow = Infinity;
    for (const s of layout.series) {
      for (let i = 0; i < s.full.length; i++) fullLow = Math.min(fullLow, s.full.y[i]);
      for (let i = 0; i < s.batch.length; i++) if (s.batch.y[i] > 0) batchLow = Math.min(batchLow, s.batch.y[i]);
    }
    const [lo, hi] = layout.yDomain;
    expect(batchLow).toBeLessThan(lo / 10);
    // The full-loss curves span the whole axis: the lower bound is within a few per cent (of the log span) of their lowest value.
    expect(Math.log(fullLow / lo) / Math.log(hi / lo)).toBeLessThan(0.05);
    expect(lo).toBeLessThanOrEqual(fullLow);
    expect(hi).toBeGreaterThanOrEqual(startLossFor(runs[0].settings));
  });

  it('shows the starting loss on the empty chart, before the first step', () => {
    const run = trainedRun({}, 0);
    const start = startLossFor(run.settings);
    expect(start).toBeGreaterThan(1);
    for (const yScale of ['log', 'linear'] as const) {
      const [lo, hi] = buildLossLayout([run], { ...base, yScale }).yDomain;
      expect(lo).toBeLessThan(start);
      expect(hi).toBeGreaterThan(start);
    }
  });
});

describe('layout cache across frames', () => {
  it('reuses a run unchanged since the last frame and lays out a changed one afresh', () => {
    const cache = new LossLayoutCache();
    const paused = trainedRun({}, 50, 'paused');
    const growing = trainedRun({}, 50, 'growing');
    const first = buildLossLayout([paused, growing], base, cache);
    const pausedX = first.series[0].full.x;
    const grown = trainedRun({}, 80, 'growing');
    const second = buildLossLayout([{ ...paused, color: '#000' }, grown], base, cache);
    expect(second.series[0].full.x).toBe(pausedX);
    expect(second.series[0].run.color).toBe('#000');
    expect(second.series[1].full.length).toBe(81);
    // The cached result is the one computed without a cache.
    const fresh = buildLossLayout([paused, grown], base);
    expect(Array.from(second.series[1].full.y)).toEqual(Array.from(fresh.series[1].full.y));
    expect(second.yDomain).toEqual(fresh.yDomain);
  });

  it('thins a finished run again only when the rows in the window change', () => {
    const cache = new LossLayoutCache();
    const done = trainedRun({ n: 1000, b: 1, epochs: 5 }, Infinity, 'done');
    const first = buildLossLayout([done, trainedRun({}, 50, 'growing')], base, cache);
    const second = buildLossLayout([done, trainedRun({}, 80, 'growing')], base, cache);
    expect(second.series[0].full.drawn).toBe(first.series[0].full.drawn);
    const zoomed = buildLossLayout([done], { ...base, zoom: [100, 200] }, cache);
    expect(zoomed.series[0].full.drawn).not.toBe(first.series[0].full.drawn);
    expect(zoomed.series[0].full.drawn.length).toBe(103);
  });

  it('lays out again when the view options change', () => {
    const cache = new LossLayoutCache();
    const run = trainedRun({}, 50);
    buildLossLayout([run], base, cache);
    const epochs = buildLossLayout([run], { ...base, xAxis: 'epochs' }, cache);
    expect(epochs.series[0].full.x[10]).toBe(1);
  });
});

describe('what is drawn', () => {
  it('draws the rows in the window as they are, so new rows can be appended to what was drawn (the drawing thins per pixel column)', () => {
    const short = buildLossLayout([trainedRun({}, 200)], base).series[0];
    expect(short.full.drawn.length).toBe(short.full.length);
    const long = buildLossLayout([trainedRun({ n: 1000, b: 1, epochs: 20 })], { ...base, smoothing: 0.5 }).series[0];
    expect(long.batch.length).toBe(20_000);
    expect(long.batch.drawn.length).toBe(20_000);
    expect(long.batch.drawn.from).toBe(0);
    expect(Array.from(long.batch.drawn.y)).toEqual(Array.from(long.batch.y));
    expect(Array.from(long.batch.drawnSmooth!.y)).toEqual(Array.from(long.batch.smooth!));
    const zoomed = buildLossLayout([trainedRun({ n: 1000, b: 1, epochs: 20 })], { ...base, zoom: [5000, 6000] }).series[0];
    expect(zoomed.batch.drawn.x[0]).toBe(zoomed.batch.x[zoomed.batch.drawn.from]);
    expect(zoomed.batch.drawn.x[0]).toBeLessThan(5000);
    expect(zoomed.batch.drawn.x[1]).toBeGreaterThanOrEqual(5000);
  });
});
