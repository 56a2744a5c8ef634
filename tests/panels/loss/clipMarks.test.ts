import { describe, expect, it } from 'vitest';
import { drawCurves } from '../../../src/panels/loss/drawCurves.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { hasClipMarks, lossMarks } from '../../../src/panels/loss/lossMarks.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { trainedRun } from '../runFixture.ts';

const options: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };
const markOptions = { xAxis: 'steps', yScale: 'log', plotWidth: 496, epochDotSpacing: 7, epochRuleSpacing: 6, clipMarkSpacing: 8 } as const;

describe('values beyond the y-axis', () => {
  for (const yScale of ['log', 'linear'] as const) {
    it(`are never drawn along the ${yScale} axis's edge as a flat line (?lr=5)`, () => {
      const run = trainedRun({ lr: 5 }, Infinity);
      const layout = buildLossLayout([run], { ...options, yScale });
      const frame = lossFrame(layout, 560, 290, yScale);
      const recorder = new CanvasRecorder();
      drawCurves(recorder.context, frame, { layout, smoothed: false }, LOSS_STYLE);
      const [bottom, top] = frame.y.range();
      // Values off the axis are pinned beyond the canvas clip (plot ± edgePad), where they are cut off, never onto the edge line.
      const points = recorder.paints.filter((p) => p.op === 'stroke').flatMap((p) => p.path.map((q) => q.y));
      expect(points.length).toBeGreaterThan(5);
      expect(points.filter((y) => Math.abs(y - bottom) < 0.5 || Math.abs(y - top) < 0.5)).toEqual([]);
      const beyond = points.filter((y) => y > bottom + LOSS_STYLE.edgePad || y < top - LOSS_STYLE.edgePad).length;
      // On the linear axis the blow-up leaves the top; on the log axis all of it is inside.
      if (yScale === 'linear') expect(beyond).toBeGreaterThan(0);
      else expect(beyond).toBe(0);
      // The start is on the axis; on a log axis so is the whole blow-up (to 1.2e16, as the caption says), on a linear
      // one the loss leaves the top and is marked there.
      expect(layout.yDomain[0]).toBeLessThanOrEqual(startLossFor(run.settings));
      const marks = lossMarks(layout, { ...markOptions, yScale });
      const last = run.lossSeries.loss[run.lossSeries.length - 1];
      if (yScale === 'log') {
        expect(layout.yDomain[1]).toBeGreaterThanOrEqual(last);
        expect(marks.offScale).toEqual([]);
      } else {
        expect(marks.offScale).toHaveLength(1);
        expect(marks.clipped.some((m) => m.line === 'full' && m.edge === 'top')).toBe(true);
      }
    });
  }

  it('are marked on the edge they left by, one mark per stretch of the plot', () => {
    const runs = [{ ...trainedRun({ b: 1 }, Infinity, 'b1'), color: '#d62728' }, trainedRun({}, Infinity, 'base')];
    const layout = buildLossLayout(runs, options);
    const marks = lossMarks(layout, markOptions);
    const below = marks.clipped.filter((m) => m.line === 'batch' && m.edge === 'bottom');
    // b = 1's single-example losses dive below the axis all along the run; each stretch gets at most one mark.
    expect(below.length).toBeGreaterThan(20);
    expect(below.length).toBeLessThanOrEqual(2 * Math.floor(496 / 8));
    const xs = below.filter((m) => m.color === runs[0].color).map((m) => m.x);
    expect(new Set(xs).size).toBe(xs.length);
    // The full-loss curves are inside the axis: no full-loss mark.
    expect(marks.clipped.filter((m) => m.line === 'full')).toEqual([]);
  });

  it('are there exactly when lossMarks finds some (what the legend reads without placing them)', () => {
    const cases = [
      [trainedRun({ b: 1 }, Infinity, 'b1')],
      [trainedRun({}, Infinity, 'base')],
      [trainedRun({ lr: 5 }, Infinity, 'blowup')],
      [trainedRun({}, 3, 'early')],
    ];
    const found = cases.map((runs) => {
      for (const yScale of ['log', 'linear'] as const) {
        const layout = buildLossLayout(runs, { ...options, yScale });
        expect(hasClipMarks(layout), `${runs[0].id} ${yScale}`).toBe(lossMarks(layout, { ...markOptions, yScale }).clipped.length > 0);
      }
      return hasClipMarks(buildLossLayout(runs, options));
    });
    // Both answers occur among the cases.
    expect(new Set(found).size).toBe(2);
  });
});
