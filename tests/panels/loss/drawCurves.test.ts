import { describe, expect, it } from 'vitest';
import { drawCurves } from '../../../src/panels/loss/drawCurves.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { CanvasRecorder, type Paint } from '../shared/canvasRecorder.ts';
import { PAPER } from '../../../src/panels/shared/markStyle.ts';
import { trainedRun } from '../runFixture.ts';

const options: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };

function pointsOf(paint: Paint): [number, number][] {
  return paint.path.map((p) => [p.x, p.y]);
}

function draw(smoothing: number, from?: number) {
  const run = trainedRun({}, 30);
  const layout = buildLossLayout([run], { ...options, smoothing });
  const frame = lossFrame(layout, 560, 290, 'log');
  const recorder = new CanvasRecorder();
  drawCurves(recorder.context, frame, { layout, smoothed: smoothing > 0 }, LOSS_STYLE, from);
  return { run, frame, strokes: recorder.paints.filter((p) => p.op === 'stroke') };
}

describe('loss curves on canvas', () => {
  it("passes the full-loss curve through the pixels of the run's own numbers", () => {
    const { run, frame, strokes } = draw(0);
    // Batch curve first, then the full curve on its paper casing.
    expect(strokes.map((s) => s.lineWidth)).toEqual([LOSS_STYLE.batch.raw.width, LOSS_STYLE.fullCasing.width, LOSS_STYLE.full.raw.width]);
    const full = strokes[2];
    expect(full.strokeStyle).toBe(run.color);
    // Row 0 is the start loss at step 0, then one row per step: 30 steps over ~500 px, one pixel column each.
    const expected: [number, number][] = [[frame.x(0), frame.y(startLossFor(run.settings))]];
    for (let i = 0; i < run.lossSeries.length; i++) expected.push([frame.x(run.lossSeries.step[i]), frame.y(run.lossSeries.loss[i])]);
    const drawn = pointsOf(full);
    expect(drawn).toHaveLength(31);
    drawn.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i][0], 6);
      expect(y).toBeCloseTo(expected[i][1], 6);
    });
  });

  it('draws the batch loss faint and, when smoothing, keeps the raw batch curve faintly under its smoothed one', () => {
    expect(draw(0).strokes[0].globalAlpha).toBe(LOSS_STYLE.batch.raw.alpha);
    const { strokes } = draw(0.6);
    const { underSmoothed, full, batch } = LOSS_STYLE;
    expect(strokes.map((s) => [s.lineWidth, s.globalAlpha])).toEqual([
      [Math.max(underSmoothed.minWidth, batch.smoothed.width * underSmoothed.width), (batch.smoothed.alpha ?? 1) * underSmoothed.alpha],
      [batch.smoothed.width, batch.smoothed.alpha],
      [LOSS_STYLE.fullCasing.width, LOSS_STYLE.fullCasing.alpha],
      [full.raw.width, full.raw.alpha],
    ]);
  });

  it('lays a paper casing, wider than the curve, under the full loss, so its own batch noise cannot hide it', () => {
    const { strokes } = draw(0);
    const [, casing, full] = strokes;
    expect(casing.strokeStyle).toBe(PAPER);
    expect(casing.lineWidth).toBeGreaterThan(full.lineWidth);
    expect(pointsOf(casing)).toEqual(pointsOf(full));
  });

  it('never lets the smoothed batch curve outweigh the full loss: the full loss is raw, wider and darker', () => {
    const { strokes } = draw(0.9);
    const [, smoothedBatch, , full] = strokes;
    expect(full.lineWidth).toBeGreaterThan(smoothedBatch.lineWidth);
    expect(full.globalAlpha).toBeGreaterThan(smoothedBatch.globalAlpha);
    // The full curve still passes through the run's own numbers (it is not smoothed).
    expect(pointsOf(full)).toEqual(pointsOf(draw(0).strokes[2]));
  });

  it('appends from a given row, joined onto the row before it', () => {
    const whole = pointsOf(draw(0).strokes[2]);
    const tail = pointsOf(draw(0, 12).strokes[2]);
    expect(tail).toEqual(whole.slice(11));
  });
});
