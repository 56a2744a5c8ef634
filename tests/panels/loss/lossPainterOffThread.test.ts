import { describe, expect, it, vi } from 'vitest';
import { LossPainter, type LossView } from '../../../src/panels/loss/lossPainter.ts';
import { OFF_THREAD_MIN_OPS, type Raster } from '../../../src/panels/shared/heldRepaint.ts';
import type { RasterScene } from '../../../src/panels/shared/offThreadRaster.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { recordingCanvas } from '../shared/recordingCanvas.ts';
import { growingRun } from '../growingRun.ts';

/** A raster worker that answers when the test says so. */
class HeldRaster implements Raster {
  available = true;
  readonly requests: { scene: RasterScene; answer: (bitmap: ImageBitmap | null) => void }[] = [];
  render(scene: RasterScene): Promise<ImageBitmap | null> {
    return new Promise((answer) => this.requests.push({ scene, answer }));
  }
}

function picture() {
  return { close: vi.fn() } as unknown as ImageBitmap & { close: ReturnType<typeof vi.fn> };
}

const view: LossView = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, zoom: null, logX: false, width: 560, height: 290, style: LOSS_STYLE };
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A painter with a held raster, trained until its first whole repaint goes to the worker. */
async function untilSentOut() {
  const raster = new HeldRaster();
  const painter = new LossPainter(raster);
  expect(await painter.ready).toBe(true);
  const target = recordingCanvas();
  const targets = { canvas: target.canvas, back: null, front: null };
  // Rows enough that a whole repaint is worth a worker: the level-of-detail series keeps up to 4,096 rows.
  const run = growingRun({ n: 200, b: 4, epochs: 400 }, 'run', '#1f77b4', 4096);
  for (let chunk = 0; chunk < 400 && raster.requests.length === 0; chunk++) painter.paint(targets, [run.advance(20)], view);
  return { raster, painter, target, targets, run };
}

describe('the loss painter with a raster worker', () => {
  it('sends a large whole repaint while a run trains, holds the picture until it is back, then appends to it', async () => {
    const { raster, painter, target, targets, run } = await untilSentOut();
    expect(raster.requests).toHaveLength(1);
    expect(painter.counts.offThread).toBe(1);
    const { scene } = raster.requests[0];
    expect(scene.list.ops.length).toBeGreaterThanOrEqual(OFF_THREAD_MIN_OPS);
    // The picture is the canvas's size in device pixels (the tests' screen ratio is 1).
    expect([scene.width, scene.height]).toEqual([view.width, view.height]);
    // The canvas says it holds a picture, for whoever must see the chart settled.
    expect(target.canvas.dataset.held).toBe('');

    // Held: new rows neither clear the canvas nor stroke on it, and nothing else is sent while one picture is out.
    const before = { clears: target.clears.count, images: target.images.count, paints: target.recorder.paints.length };
    for (let chunk = 0; chunk < 3; chunk++) painter.paint(targets, [run.advance(1)], view);
    expect({ clears: target.clears.count, images: target.images.count, paints: target.recorder.paints.length }).toEqual(before);
    expect(raster.requests).toHaveLength(1);

    const appended = painter.counts.appended;
    const bitmap = picture();
    raster.requests[0].answer(bitmap);
    await settled();
    expect(target.images.count).toBe(1);
    expect(target.canvas.dataset.held).toBeUndefined();
    expect(bitmap.close).toHaveBeenCalled();
    // The rows that came while it was out are appended to the picture: stroked, not repainted whole.
    expect(painter.counts.appended).toBe(appended + 1);
    expect(raster.requests).toHaveLength(1);
    expect(target.recorder.paints.length).toBeGreaterThan(before.paints);
    expect(target.clears.count).toBe(before.clears + 1);
  });

  it('sends the repaint that settles the axes when training stops, drops the late picture, and holds the settled one until it is back', async () => {
    const { raster, painter, target, targets, run } = await untilSentOut();
    const whole = painter.counts.whole;
    const stopped: RunView = { ...run.view(), status: 'paused', version: run.view().version + 1 };
    painter.paint(targets, [stopped], view);
    // The stop's repaint (axes fitted to the data, off the growth ladder) goes out too, not onto the main thread.
    expect(painter.counts.whole).toBe(whole);
    expect(raster.requests).toHaveLength(2);
    const late = picture();
    raster.requests[0].answer(late);
    await settled();
    expect(late.close).toHaveBeenCalled();
    expect(target.images.count).toBe(0);
    // Records that follow the stop wait for the settled picture: nothing is painted meanwhile.
    const paints = target.recorder.paints.length;
    painter.paint(targets, [{ ...stopped, version: stopped.version + 1 }], view);
    expect(target.recorder.paints.length).toBe(paints);
    const settledPicture = picture();
    raster.requests[1].answer(settledPicture);
    await settled();
    expect(target.images.count).toBe(1);
    expect(raster.requests).toHaveLength(2);
  });

  it('paints at once on the main thread when the view changes while the settling picture is out, and drops that picture', async () => {
    const { raster, painter, target, targets, run } = await untilSentOut();
    const stopped: RunView = { ...run.view(), status: 'paused', version: run.view().version + 1 };
    painter.paint(targets, [stopped], view);
    expect(raster.requests).toHaveLength(2);
    const whole = painter.counts.whole;
    painter.paint(targets, [stopped], { ...view, yScale: 'linear' });
    expect(painter.counts.whole).toBe(whole + 1);
    expect(target.canvas.dataset.held).toBeUndefined();
    const late = picture();
    raster.requests[1].answer(late);
    await settled();
    expect(late.close).toHaveBeenCalled();
    expect(target.images.count).toBe(0);
  });

  it('paints whole on the main thread when the worker cannot raster', async () => {
    const { raster, painter, target } = await untilSentOut();
    const whole = painter.counts.whole;
    const clears = target.clears.count;
    raster.available = false;
    raster.requests[0].answer(null);
    await settled();
    expect(painter.counts.whole).toBe(whole + 1);
    expect(target.clears.count).toBe(clears + 1);
    expect(target.images.count).toBe(0);
  });
});
