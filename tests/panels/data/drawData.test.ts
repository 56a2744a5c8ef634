import { describe, expect, it } from 'vitest';
import { predict } from '../../../src/core/index.ts';
import { dataFrame } from '../../../src/panels/data/dataFrame.ts';
import { drawBatch } from '../../../src/panels/data/drawBatch.ts';
import { drawFit } from '../../../src/panels/data/drawFit.ts';
import { drawScatter } from '../../../src/panels/data/drawScatter.ts';
import { batchShapes, dataExtents, fitLines, scatterShapes, type Fit } from '../../../src/panels/data/scatterLayout.ts';
import { DATA_STYLE } from '../../../src/panels/data/style.ts';
import { datasetFor } from '../../../src/panels/shared/dataCache.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { trainedRun } from '../runFixture.ts';

const bins = DATA_STYLE.residualColors.length;

function setup(overrides = {}) {
  const run = trainedRun(overrides, 25);
  const data = datasetFor(run.settings);
  const plane = run.settings.data === 'plane';
  const extents = dataExtents(data, plane);
  const frame = dataFrame(extents.x, extents.y, 360, 200);
  const fit: Fit = { model: run.settings.model, w1: run.cursor.w1, w2: run.cursor.w2 };
  return { run, data, plane, extents, frame, fit };
}

describe('data chart drawing', () => {
  it.each(['linear', 'deep'] as const)('draws the %s fit through the pixels the core predicts, over the dashed best fit', (model) => {
    const { run, plane, frame, fit } = setup({ model });
    const best: Fit = { model: fit.model, w1: 2, w2: -1 };
    const recorder = new CanvasRecorder();
    drawFit(recorder.context, frame, { lines: fitLines(plane, fit, best, frame.x.domain() as [number, number]), color: run.color }, DATA_STYLE);
    const [bestLine, fitLine] = recorder.paints;
    expect(bestLine.lineDash).toEqual(DATA_STYLE.bestFit.dash);
    expect(fitLine.strokeStyle).toBe(run.color);
    expect(fitLine.lineWidth).toBe(DATA_STYLE.fit.width);
    // Every point of the drawn segment lies where the model puts it: pixel y = frame.y(ŷ(x)) at pixel x = frame.x(x).
    const [from, to] = fitLine.path;
    for (const t of [0, 0.25, 0.5, 1]) {
      const px = from.x + t * (to.x - from.x);
      const py = from.y + t * (to.y - from.y);
      const x = frame.x.invert(px);
      expect(py).toBeCloseTo(frame.y(predict(fit.model, fit.w1, fit.w2, x, 1)), 6);
    }
    const [x0, x1] = frame.x.range();
    expect([from.x, to.x]).toEqual([x0, x1]);
  });

  it('draws every example of line data at its pixel, in one fill', () => {
    const { data, plane, frame, fit, extents } = setup();
    const recorder = new CanvasRecorder();
    drawScatter(recorder.context, frame, scatterShapes(data, plane, fit, extents.range, bins), DATA_STYLE);
    expect(recorder.paints).toHaveLength(1);
    const arcs = recorder.paints[0].path.filter((p) => p.kind === 'arc');
    expect(arcs).toHaveLength(data.n);
    expect(arcs[7]).toMatchObject({ x: frame.x(data.x1[7]), y: frame.y(data.y[7]) });
  });

  it('colours plane data by residual: an example above the fit is red, below it blue', () => {
    const { data, plane, frame, fit, extents } = setup({ data: 'plane' });
    expect(plane).toBe(true);
    const recorder = new CanvasRecorder();
    drawScatter(recorder.context, frame, scatterShapes(data, plane, fit, extents.range, bins), DATA_STYLE);
    const colourOf = (i: number) => recorder.paints.find((p) => p.path.some((q) => q.kind === 'arc' && q.x === frame.x(data.x1[i]) && q.y === frame.y(data.x2[i])))!.fillStyle;
    const residual = (i: number) => data.y[i] - predict(fit.model, fit.w1, fit.w2, data.x1[i], data.x2[i]);
    const order = Array.from({ length: data.n }, (_, i) => i).sort((a, b) => residual(a) - residual(b));
    const binOf = (i: number) => DATA_STYLE.residualColors.indexOf(colourOf(i));
    const middle = (bins - 1) / 2;
    // Blue (the low bins) below the fit, red (the high bins) above it, paler nearer it.
    expect(binOf(order[0])).toBeLessThan(middle);
    expect(binOf(order[data.n - 1])).toBeGreaterThan(middle);
    for (let k = 1; k < data.n; k++) expect(binOf(order[k])).toBeGreaterThanOrEqual(binOf(order[k - 1]));
  });

  it('rings the current mini-batch at its examples, and can append from one of them', () => {
    const { run, data, plane, frame, fit, extents } = setup();
    const shapes = { ...batchShapes(data, plane, fit, run.cursor.batch, extents.range, bins), color: run.color };
    const recorder = new CanvasRecorder();
    drawBatch(recorder.context, frame, shapes, DATA_STYLE);
    const rings = recorder.paints.filter((p) => p.op === 'stroke');
    expect(rings).toHaveLength(run.cursor.batch.length);
    const i = run.cursor.batch[0];
    expect(rings[0].path[0]).toMatchObject({ x: frame.x(data.x1[i]), y: frame.y(data.y[i]), r: DATA_STYLE.batch.line.radius });
    expect(rings[0].lineWidth).toBe(DATA_STYLE.batch.line.strokeWidth);
    const tail = new CanvasRecorder();
    drawBatch(tail.context, frame, shapes, DATA_STYLE, 3);
    expect(tail.paints.map((p) => p.path)).toEqual(recorder.paints.slice(6).map((p) => p.path));
  });
});
