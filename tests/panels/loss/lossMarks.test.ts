import { describe, expect, it } from 'vitest';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { inDrawOrder, lossMarks, type MarkOptions } from '../../../src/panels/loss/lossMarks.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { trainedRun } from '../runFixture.ts';

const layoutOptions: LossOptions = { xAxis: 'steps', yScale: 'linear', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };
const markOptions: MarkOptions = { xAxis: 'steps', yScale: 'linear', plotWidth: 496, epochDotSpacing: 7, epochRuleSpacing: 6, clipMarkSpacing: 8 };

describe('loss chart marks', () => {
  it('marks where a diverging run leaves the top of the axis, and says how to see it', () => {
    const calm = trainedRun({}, 60, 'calm');
    const wild = trainedRun({ lr: 0.5 }, 60, 'wild');
    const layout = buildLossLayout([calm, wild], layoutOptions);
    const marks = lossMarks(layout, markOptions);
    expect(marks.offScale).toHaveLength(1);
    const [mark] = marks.offScale;
    const wildSeries = layout.series[1];
    const row = Array.from(wildSeries.full.y).findIndex((v) => !(v <= layout.yDomain[1]));
    expect(row).toBeGreaterThan(0);
    expect(mark.x).toBe(wildSeries.full.x[row]);
    expect(mark.title).toBe(`wild: the loss leaves the top of the axis at step ${wildSeries.full.step[row]} (switch y to log to see it)`);
    expect(marks.titles).toEqual(['gradient steps', 'loss (MSE)']);
  });

  it('thins epoch dots and rules to what the plot width holds, primary run drawn last', () => {
    const a = trainedRun({ b: 1 }, Infinity, 'a'); // 100 steps per epoch, 20 epochs
    const b = trainedRun({ b: 50 }, Infinity, 'b');
    const layout = buildLossLayout([a, b], { ...layoutOptions, primaryRunId: 'a' });
    expect(inDrawOrder(layout).map((s) => s.run.id)).toEqual(['b', 'a']);
    const wide = lossMarks(layout, markOptions);
    expect(wide.epochDots).toHaveLength(40);
    expect(wide.rules.map((r) => r.epoch)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Room for 5 dots and 5 rules: every 5th epoch (a nice stride), at 2 and 100 steps per epoch.
    const narrow = lossMarks(layout, { ...markOptions, plotWidth: 35 });
    expect(narrow.epochDots.map((d) => d.x)).toEqual([...[5, 10, 15, 20].map((e) => e * 2), ...[5, 10, 15, 20].map((e) => e * 100)]);
    expect(narrow.rules.map((r) => r.epoch)).toEqual([5, 10, 15, 20]);
  });

  it('in a zoom, marks the epochs inside it, thinned by how many are inside, counted from the first epoch', () => {
    const a = trainedRun({ b: 1 }, Infinity, 'a'); // 100 steps per epoch, 20 epochs
    // Steps 350 … 1720: epochs 4 … 17 end inside (14 of them).
    const layout = buildLossLayout([a], { ...layoutOptions, zoom: [350, 1720] });
    const inside = Array.from({ length: 14 }, (_, i) => i + 4);
    const all = lossMarks(layout, markOptions);
    expect(all.epochDots.map((d) => d.x)).toEqual(inside.map((e) => e * 100));
    expect(all.rules.map((r) => r.epoch)).toEqual(inside);
    // Room for 5: 14 inside need every 5th epoch, which are 5, 10 and 15 (not the 5th, 10th … inside the zoom).
    const narrow = lossMarks(layout, { ...markOptions, plotWidth: 35 });
    expect(narrow.epochDots.map((d) => d.x)).toEqual([500, 1000, 1500]);
    expect(narrow.rules.map((r) => r.epoch)).toEqual([5, 10, 15]);
    // A zoom between two epoch ends marks none.
    const between = lossMarks(buildLossLayout([a], { ...layoutOptions, zoom: [410, 490] }), markOptions);
    expect(between.epochDots).toEqual([]);
    expect(between.rules).toEqual([]);
  });
});
