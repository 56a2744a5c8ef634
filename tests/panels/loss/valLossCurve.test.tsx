// The validation loss per step on the loss chart: a dashed line in the run's
// colour through the engine's own val_loss at every step (from the start),
// never smoothed, on the y-axis, appended like the other curves, and named in
// the legend with the chart's own dash — only for a run with a validation set.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createStepRecords, createTrainer, DEFAULT_SETTINGS, type Settings } from '../../../src/core/index.ts';
import { planCurvePaint, type CurvePaintRecord } from '../../../src/panels/loss/curveAppend.ts';
import { drawCurves } from '../../../src/panels/loss/drawCurves.ts';
import { lossLegendEntries, showsValidation, VAL_CURVE_LABEL } from '../../../src/panels/loss/legendEntries.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout, LossLayoutCache, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { LossLegend } from '../../../src/panels/loss/LossLegend.tsx';
import { lossSummary } from '../../../src/panels/loss/lossSummary.ts';
import { LOSS_STYLE, PRESENT_LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { frameKey } from '../../../src/panels/shared/plotFrame.ts';
import { formatValue } from '../../../src/panels/shared/format.ts';
import { PAPER } from '../../../src/panels/shared/markStyle.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { growingRun } from '../growingRun.ts';
import { trainedRun } from '../runFixture.ts';

const options: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };

/** The engine's validation loss at steps 0 … steps of a fresh run (step 0: the start weights). */
function engineValLoss(patch: Partial<Settings>, steps: number): number[] {
  const trainer = createTrainer({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...patch });
  const start = trainer.valLoss;
  const rows = createStepRecords(steps);
  trainer.advance(steps, rows, null);
  return [start, ...Array.from(rows.valLoss.subarray(0, steps))];
}

describe('the validation loss curve on the loss chart', () => {
  it('lays out a val line through the engine’s val_loss at every step from the start, for val = 0.2; none without a validation set', () => {
    const layout = buildLossLayout([trainedRun({ val: 0.2 }, 30, 'v'), trainedRun({}, 30, 'plain')], options);
    const [val, plain] = layout.series;
    expect(Array.from(val.val!.step)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(Array.from(val.val!.y)).toEqual(engineValLoss({ val: 0.2 }, 30));
    // Not the training loss.
    expect(Array.from(val.val!.y)).not.toEqual(Array.from(val.full.y));
    expect(plain.val).toBeNull();
    expect(showsValidation(layout)).toBe(true);
    expect(showsValidation(buildLossLayout([trainedRun({}, 30)], options))).toBe(false);
  });

  it('puts the val line on the y-axis, whole run and zoomed, linear and log', () => {
    // At the start the val loss is below the training loss (5.45 < 8.38), later above it: both ends of the axis.
    const run = trainedRun({ val: 0.2 }, 80, 'v');
    for (const yScale of ['log', 'linear'] as const) {
      for (const zoom of [null, [40, 80] as const]) {
        const layout = buildLossLayout([run], { ...options, yScale, zoom });
        const { x, y, length } = layout.series[0].val!;
        for (let i = 0; i < length; i++) {
          if (x[i] < layout.xDomain[0] || x[i] > layout.xDomain[1]) continue;
          expect(y[i]).toBeGreaterThanOrEqual(layout.yDomain[0]);
          expect(y[i]).toBeLessThanOrEqual(layout.yDomain[1]);
        }
      }
    }
    // It places the axis: in the last epochs the val loss is above every full loss in the zoom.
    const zoomed = buildLossLayout([run], { ...options, yScale: 'linear', zoom: [70, 80] });
    const s = zoomed.series[0];
    const inside = (line: typeof s.full) => Array.from(line.y).filter((_, i) => line.x[i] >= 70 && line.x[i] <= 80);
    expect(Math.max(...inside(s.val!))).toBeGreaterThan(Math.max(...inside(s.full)));
  });

  it('does not smooth the val line: smoothing applies to the mini-batch loss only', () => {
    const run = trainedRun({ val: 0.2 }, 30, 'v');
    const raw = buildLossLayout([run], options).series[0].val!;
    const smoothed = buildLossLayout([run], { ...options, smoothing: 0.9 }, new LossLayoutCache()).series[0];
    expect(smoothed.batch.smooth).not.toBeNull();
    expect(smoothed.val!.smooth).toBeNull();
    expect(smoothed.val!.drawnSmooth).toBeNull();
    expect(Array.from(smoothed.val!.y)).toEqual(Array.from(raw.y));
  });

  it('strokes the val line dashed in the run’s colour, under the full curve, through the pixels of the engine’s numbers', () => {
    const run = trainedRun({ val: 0.2 }, 30, 'v');
    const layout = buildLossLayout([run], options);
    const frame = lossFrame(layout, 560, 290, 'log');
    const recorder = new CanvasRecorder();
    drawCurves(recorder.context, frame, { layout, smoothed: false }, LOSS_STYLE);
    const strokes = recorder.paints.filter((p) => p.op === 'stroke');
    // Batch, val, then the full curve on its casing: the full loss stays on top.
    expect(strokes.map((s) => [s.lineWidth, s.lineDash])).toEqual([
      [LOSS_STYLE.batch.raw.width, []],
      [LOSS_STYLE.val.width, LOSS_STYLE.val.dash],
      [LOSS_STYLE.fullCasing.width, []],
      [LOSS_STYLE.full.raw.width, []],
    ]);
    const val = strokes[1];
    expect(val.strokeStyle).toBe(run.color);
    expect(val.strokeStyle).not.toBe(PAPER);
    const want = engineValLoss({ val: 0.2 }, 30);
    expect(val.path).toHaveLength(31);
    val.path.forEach((p, i) => {
      expect(p.x).toBeCloseTo(frame.x(i), 6);
      expect(p.y).toBeCloseTo(frame.y(want[i]), 6);
    });
    // The dash is the style's own, heavier in the presentation view, and distinct from the solid full loss.
    expect(LOSS_STYLE.val.dash!.length).toBeGreaterThan(0);
    expect(LOSS_STYLE.val.width).toBeLessThan(LOSS_STYLE.full.raw.width);
    expect(PRESENT_LOSS_STYLE.val.width).toBeGreaterThan(LOSS_STYLE.val.width);
  });

  it('keeps the dashes’ phase on x, so a piece appended later continues the pattern of the whole line', () => {
    const run = trainedRun({ val: 0.2 }, 30, 'v');
    const layout = buildLossLayout([run], options);
    const frame = lossFrame(layout, 560, 290, 'log');
    const dashed = (from?: number) => {
      const recorder = new CanvasRecorder();
      drawCurves(recorder.context, frame, { layout, smoothed: false }, LOSS_STYLE, from);
      return recorder.paints.filter((p) => p.lineDash.length > 0);
    };
    const [whole] = dashed();
    const [tail] = dashed(12);
    expect(whole.lineDashOffset).toBeCloseTo(whole.path[0].x, 9);
    // The tail starts one row back (it joins on) and its pattern starts where that row is on x.
    expect(tail.path[0].x).toBeCloseTo(whole.path[11].x, 9);
    expect(tail.lineDashOffset).toBeCloseTo(tail.path[0].x, 9);
  });

  it('draws no val line for a run without a validation set', () => {
    const layout = buildLossLayout([trainedRun({}, 30)], options);
    const recorder = new CanvasRecorder();
    drawCurves(recorder.context, lossFrame(layout, 560, 290, 'log'), { layout, smoothed: false }, LOSS_STYLE);
    expect(recorder.paints.some((p) => p.lineDash.length > 0)).toBe(false);
  });

  it('appends to the val line while the run trains exactly the rows a whole layout has beyond those drawn', () => {
    const run = growingRun({ n: 200, b: 4, epochs: 400, val: 0.2 });
    let last: CurvePaintRecord | null = null;
    let appends = 0;
    for (let chunk = 0; chunk < 200; chunk++) {
      const view = run.advance(50);
      const layout = buildLossLayout([view], options);
      const frame = lossFrame(layout, 560, 290, 'log');
      const paint = planCurvePaint(last, layout, false, [], frameKey(frame));
      if (!paint.whole) {
        appends++;
        const line = layout.series[0].val!;
        const tail = paint.shapes.layout.series[0].val!;
        const before = last!.rows.get('run:val')!;
        const start = line.drawn.length > before ? before - 1 : line.drawn.length;
        expect(tail.drawn.from).toBe(line.drawn.from + start);
        expect(Array.from(tail.drawn.y)).toEqual(Array.from(line.drawn.y.subarray(start)));
      }
      last = paint.record;
    }
    expect(appends).toBeGreaterThan(100);
  });

  it('names the val curve in the legend with the chart’s own dash, only when a run shown has a validation set', () => {
    const labels = (validation: boolean) => lossLegendEntries(null, false, LOSS_STYLE, validation).map((e) => e.label);
    expect(labels(true)).toContain(VAL_CURVE_LABEL);
    expect(labels(false)).not.toContain(VAL_CURVE_LABEL);
    const [swatch] = lossLegendEntries(null, false, LOSS_STYLE, true).find((e) => e.label === VAL_CURVE_LABEL)!.marks;
    expect(swatch).toMatchObject({ kind: 'line', stroke: LOSS_STYLE.val });
    const html = renderToStaticMarkup(<LossLegend smoothing={null} validation />);
    expect(html).toContain(VAL_CURVE_LABEL);
    expect(html).toContain(`stroke-dasharray="${LOSS_STYLE.val.dash!.join(' ')}"`);
    expect(renderToStaticMarkup(<LossLegend smoothing={null} />)).not.toContain(VAL_CURVE_LABEL);
  });

  it('tells a screen reader the last val_loss too', () => {
    const run = trainedRun({ val: 0.2 }, 25, 'v');
    const want = engineValLoss({ val: 0.2 }, 25)[25];
    expect(lossSummary(buildLossLayout([run], options)).endsWith(`, val_loss ${formatValue(want)}`)).toBe(true);
    expect(lossSummary(buildLossLayout([trainedRun({}, 25)], options))).not.toContain('val_loss');
  });
});
