import { describe, expect, it } from 'vitest';
import { PathPainter } from '../../../src/panels/weights/pathPainter.ts';
import { WEIGHT_STYLE } from '../../../src/panels/weights/style.ts';
import { weightFrame } from '../../../src/panels/weights/weightFrame.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { growingRun } from '../growingRun.ts';

function recordingCanvas() {
  const recorder = new CanvasRecorder();
  const clears = { count: 0 };
  const context = Object.assign(recorder, { setTransform: () => {}, clearRect: () => void clears.count++, rect: () => {}, clip: () => {}, arc: recorder.arc.bind(recorder) });
  const canvas = { width: 0, height: 0, style: {} as Record<string, string>, getContext: () => context };
  return { canvas: canvas as unknown as HTMLCanvasElement, recorder, clears };
}

describe('the weight-space path painter', () => {
  it('appends new rows, and paints nothing when the runs and the frame are what it painted last', () => {
    const { canvas, recorder, clears } = recordingCanvas();
    const painter = new PathPainter();
    const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);
    const run = growingRun({ n: 200, b: 4, epochs: 12 }, 'a', '#1f77b4', 4096);
    const runs = [run.advance(40)];
    painter.paint(canvas, runs, frame, 'a', WEIGHT_STYLE);
    expect(painter.counts).toEqual({ whole: 1, appended: 0 });
    const painted = recorder.paints.length;
    painter.paint(canvas, [...runs], frame, 'a', WEIGHT_STYLE);
    expect(painter.counts).toEqual({ whole: 1, appended: 0 });
    expect(recorder.paints.length).toBe(painted);
    painter.paint(canvas, [run.advance(40)], frame, 'a', WEIGHT_STYLE);
    expect(painter.counts).toEqual({ whole: 1, appended: 1 });
    // Another frame moves every pixel drawn.
    painter.paint(canvas, [run.view()], weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 420, 356), 'a', WEIGHT_STYLE);
    expect(painter.counts.whole).toBe(2);
    expect(clears.count).toBe(2);
  });
});
