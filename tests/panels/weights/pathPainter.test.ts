import { describe, expect, it } from 'vitest';
import { PathPainter } from '../../../src/panels/weights/pathPainter.ts';
import { WEIGHT_STYLE } from '../../../src/panels/weights/style.ts';
import { weightFrame } from '../../../src/panels/weights/weightFrame.ts';
import { recordingCanvas } from '../shared/recordingCanvas.ts';
import { growingRun } from '../growingRun.ts';

describe('the weight-space path painter', () => {
  it('appends new rows, and paints nothing when the runs and the frame are what it painted last', () => {
    const { canvas, recorder, clears } = recordingCanvas();
    const painter = new PathPainter();
    const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);
    const run = growingRun({ n: 200, b: 4, epochs: 12 }, 'a', '#1f77b4', 4096);
    const runs = [run.advance(40)];
    painter.paint(canvas, runs, frame, 'a', WEIGHT_STYLE);
    expect(painter.counts).toEqual({ whole: 1, appended: 0, offThread: 0 });
    const painted = recorder.paints.length;
    painter.paint(canvas, [...runs], frame, 'a', WEIGHT_STYLE);
    expect(painter.counts).toEqual({ whole: 1, appended: 0, offThread: 0 });
    expect(recorder.paints.length).toBe(painted);
    painter.paint(canvas, [run.advance(40)], frame, 'a', WEIGHT_STYLE);
    expect(painter.counts).toEqual({ whole: 1, appended: 1, offThread: 0 });
    // Another frame moves every pixel drawn.
    painter.paint(canvas, [run.view()], weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 420, 356), 'a', WEIGHT_STYLE);
    expect(painter.counts.whole).toBe(2);
    expect(clears.count).toBe(2);
  });
});

describe('the weight-space path painter with a raster worker', () => {
  it('sends a whole repaint in the frame shown while a run trains, holds the canvas meanwhile, and paints a new frame at once', async () => {
    const target = recordingCanvas();
    const answers: ((bitmap: ImageBitmap | null) => void)[] = [];
    const raster = { available: true, render: () => new Promise<ImageBitmap | null>((answer) => answers.push(answer)) };
    const painter = new PathPainter(raster);
    expect(await painter.ready).toBe(true);
    const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);
    // The series keeps 4,096 rows: past them its thinning is rebuilt, and the path repainted whole in the same frame.
    const run = growingRun({ n: 200, b: 4, epochs: 400 }, 'a', '#1f77b4', 4096);
    for (let chunk = 0; chunk < 800 && answers.length === 0; chunk++) painter.paint(target.canvas, [run.advance(20)], frame, 'a', WEIGHT_STYLE);
    expect(answers).toHaveLength(1);
    const held = { clears: target.clears.count, paints: target.recorder.paints.length };
    painter.paint(target.canvas, [run.advance(20)], frame, 'a', WEIGHT_STYLE);
    expect({ clears: target.clears.count, paints: target.recorder.paints.length }).toEqual(held);

    // A new frame (the view grew) while the picture is out: its axes and contours are drawn at once, so the paths are
    // painted at once on the main thread, and the late picture is dropped.
    const whole = painter.counts.whole;
    painter.paint(target.canvas, [run.advance(20)], weightFrame({ w1: [-4, 4], w2: [-3, 5] }, 400, 356), 'a', WEIGHT_STYLE);
    expect(painter.counts.whole).toBe(whole + 1);
    expect(target.clears.count).toBe(held.clears + 1);
    answers[0]({ close: () => {} } as unknown as ImageBitmap);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(target.images.count).toBe(0);
    expect(painter.counts.offThread).toBe(1);
  });
});
