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
  it('sends a large whole repaint while a run trains and leaves the canvas as it is until the picture is back', async () => {
    const target = recordingCanvas();
    const answers: ((bitmap: ImageBitmap | null) => void)[] = [];
    const raster = { available: true, render: () => new Promise<ImageBitmap | null>((answer) => answers.push(answer)) };
    const painter = new PathPainter(raster);
    expect(await painter.ready).toBe(true);
    const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);
    const run = growingRun({ n: 200, b: 4, epochs: 400 }, 'a', '#1f77b4', 4096);
    for (let chunk = 0; chunk < 400 && answers.length === 0; chunk++) painter.paint(target.canvas, [run.advance(20)], weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356 + (chunk % 2)), 'a', WEIGHT_STYLE);
    expect(answers).toHaveLength(1);
    const held = { clears: target.clears.count, paints: target.recorder.paints.length };
    painter.paint(target.canvas, [run.advance(20)], frame, 'a', WEIGHT_STYLE);
    expect({ clears: target.clears.count, paints: target.recorder.paints.length }).toEqual(held);
    answers[0]({ close: () => {} } as unknown as ImageBitmap);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(target.images.count).toBe(1);
    expect(painter.counts.offThread).toBeGreaterThanOrEqual(1);
  });
});
