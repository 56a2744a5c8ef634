import { describe, expect, it } from 'vitest';
import { planCurvePaint, type CurvePaint, type CurvePaintRecord } from '../../../src/panels/loss/curveAppend.ts';
import { drawCurves } from '../../../src/panels/loss/drawCurves.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout, LossLayoutCache, type LossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { lossMarks } from '../../../src/panels/loss/lossMarks.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { frameKey } from '../../../src/panels/shared/plotFrame.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { growingRun } from '../growingRun.ts';

const base: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };

/** One paint as the chart does it: layout, frame, marks, then the plan against what was drawn. */
function plan(last: CurvePaintRecord | null, runs: readonly RunView[], options: LossOptions = base, width = 560, cache = new LossLayoutCache()): { paint: CurvePaint; layout: LossLayout } {
  const layout = buildLossLayout(runs, options, cache);
  const frame = lossFrame(layout, width, 290, options.yScale);
  const marks = lossMarks(layout, { xAxis: options.xAxis, yScale: options.yScale, plotWidth: width - 64, epochDotSpacing: LOSS_STYLE.epochDotSpacing, epochRuleSpacing: LOSS_STYLE.epochRuleSpacing, clipMarkSpacing: LOSS_STYLE.clipMarkSpacing });
  return { paint: planCurvePaint(last, layout, options.smoothing > 0, marks.epochDots, frameKey(frame)), layout };
}

function copy(a: Float64Array): number[] {
  return Array.from(a);
}

describe('appending to the loss curves drawn', () => {
  it('appends, while a run trains, exactly the rows a whole layout has beyond those drawn, joined on by the last row drawn', () => {
    for (const smoothing of [0, 0.6]) {
      const run = growingRun({ n: 200, b: 4, epochs: 400 });
      const options = { ...base, smoothing };
      let last: CurvePaintRecord | null = null;
      let drawn = new Map<string, number>();
      let appends = 0;
      let wholes = 0;
      for (let chunk = 0; chunk < 400; chunk++) {
        const view = run.advance(50);
        const { paint, layout } = plan(last, [view], options);
        const s = layout.series[0];
        if (paint.whole) wholes++;
        else {
          appends++;
          const t = paint.shapes.layout.series[0];
          for (const [name, line, tail] of [['full', s.full, t.full], ['batch', s.batch, t.batch]] as const) {
            const before = drawn.get(`run:${name}`)!;
            const start = line.drawn.length > before ? before - 1 : line.drawn.length;
            expect(tail.drawn.from).toBe(line.drawn.from + start);
            expect(copy(tail.drawn.x)).toEqual(copy(line.drawn.x.subarray(start)));
            expect(copy(tail.drawn.y)).toEqual(copy(line.drawn.y.subarray(start)));
            if (smoothing > 0 && name === 'batch') expect(copy(tail.drawnSmooth!.y)).toEqual(copy(line.drawnSmooth!.y.subarray(start)));
          }
          expect(paint.shapes.layout.primary).toBe(paint.shapes.layout.series[0]);
        }
        drawn = new Map(paint.record.rows);
        last = paint.record;
      }
      // Axes that grow in steps (growth.ts) leave most chunks to be appended.
      expect(appends).toBeGreaterThan(4 * wholes);
    }
  });

  it('keeps the rows drawn as they were, up to the open bucket at the end of the series, between two rebuilds of its thinning', () => {
    const run = growingRun({ n: 200, b: 1, epochs: 10 }, 'run', '#1f77b4', 64);
    let last: CurvePaintRecord | null = null;
    let before: { x: number[]; y: number[]; revision: number } | null = null;
    let checked = 0;
    for (let chunk = 0; chunk < 80; chunk++) {
      const view = run.advance(23);
      const { paint, layout } = plan(last, [view]);
      const line = layout.series[0].batch.drawn;
      if (before && !paint.whole) {
        expect(view.batchLossSeries.revision).toBe(before.revision);
        // The open bucket holds at most 4 rows, and the row before it joins the drawing on.
        const stable = before.x.length - 5;
        expect(copy(line.x.subarray(0, stable))).toEqual(before.x.slice(0, stable));
        expect(copy(line.y.subarray(0, stable))).toEqual(before.y.slice(0, stable));
        checked++;
      }
      before = { x: copy(line.x), y: copy(line.y), revision: view.batchLossSeries.revision! };
      last = paint.record;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('paints whole when the thinning is rebuilt, and when the view or the runs change', () => {
    const run = growingRun({ n: 200, b: 1, epochs: 10 }, 'run', '#1f77b4', 64);
    let last: CurvePaintRecord | null = null;
    let rebuilt = 0;
    let prevRebuilds = 0;
    for (let chunk = 0; chunk < 60; chunk++) {
      const view = run.advance(31);
      const { paint } = plan(last, [view]);
      if (view.lossSeries.revision !== prevRebuilds) {
        expect(paint.whole).toBe(true);
        rebuilt++;
      }
      prevRebuilds = view.lossSeries.revision!;
      last = paint.record;
    }
    expect(rebuilt).toBeGreaterThan(2);

    const view = run.view();
    const drawn = plan(null, [view]).paint.record;
    expect(plan(drawn, [view]).paint.whole).toBe(false);
    expect(plan(drawn, [view], base, 600).paint.whole).toBe(true);
    expect(plan(drawn, [view], { ...base, yScale: 'linear' }).paint.whole).toBe(true);
    expect(plan(drawn, [view], { ...base, smoothing: 0.5 }).paint.whole).toBe(true);
    expect(plan(drawn, [view], { ...base, zoom: [100, 300] }).paint.whole).toBe(true);
    expect(plan(drawn, [view], { ...base, xAxis: 'epochs' }).paint.whole).toBe(true);
    expect(plan(drawn, [view], { ...base, logX: true }).paint.whole).toBe(true);
    expect(plan(drawn, [{ ...view, color: '#d62728' }]).paint.whole).toBe(true);
    const other = growingRun({ n: 200, b: 2, epochs: 10 }, 'other', '#2ca02c').advance(50);
    expect(plan(drawn, [view, other]).paint.whole).toBe(true);
    // The run stops: its axes fit the data exactly again, and the picture is drawn afresh.
    expect(plan(drawn, [{ ...view, status: 'paused' }]).paint.whole).toBe(true);
  });

  it('draws only what is new, and nothing when nothing is', () => {
    const run = growingRun({ n: 200, b: 4, epochs: 40 });
    run.advance(100);
    const first = plan(null, [run.view()]).paint;
    const again = plan(first.record, [run.view()]).paint;
    expect(again.whole).toBe(false);
    expect(again.dots).toEqual([]);
    const recorder = new CanvasRecorder();
    const frame = lossFrame(again.shapes.layout, 560, 290, 'log');
    drawCurves(recorder.context, frame, again.shapes, LOSS_STYLE);
    // Each stroke call with an empty path paints nothing.
    expect(recorder.paints.every((p) => p.path.length === 0)).toBe(true);
  });

  it('adds the epoch dots of epochs finished since the last paint, run by run, and repaints when the dots drawn change', () => {
    const a = growingRun({ n: 200, b: 4, epochs: 40 }, 'a', '#1f77b4');
    const b = growingRun({ n: 200, b: 4, epochs: 40, shuffle: 'none' }, 'b', '#ff7f0e');
    // 50 steps per epoch: from step 245 to 255 each run finishes epoch 5, and the x-axis stays at 256 (growth.ts).
    a.advance(245);
    b.advance(245);
    const first = plan(null, [a.view(), b.view()]).paint;
    expect(first.dots.length).toBe(8);
    const next = plan(first.record, [a.advance(10), b.advance(10)]).paint;
    expect(next.whole).toBe(false);
    // Run by run, the primary run (a) last, as a whole paint draws them.
    expect(next.dots.map((d) => [d.x, d.color])).toEqual([
      [250, '#ff7f0e'],
      [250, '#1f77b4'],
    ]);
    expect(next.record.dots).toHaveLength(10);
    // A dot drawn that is no longer among the dots (a longer run thins them) forces a whole paint.
    const changed = { ...first.record, dots: [{ ...first.record.dots[0], x: first.record.dots[0].x + 0.5 }, ...first.record.dots.slice(1)] };
    expect(plan(changed, [a.view(), b.view()]).paint.whole).toBe(true);
  });
});
