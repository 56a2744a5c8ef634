import { describe, expect, it } from 'vitest';
import { LossPainter, type LossView } from '../../../src/panels/loss/lossPainter.ts';
import { LOSS_STYLE, PRESENT_LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { recordingCanvas } from '../shared/recordingCanvas.ts';
import { growingRun } from '../growingRun.ts';

const view: LossView = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, zoom: null, logX: false, width: 560, height: 290, style: LOSS_STYLE };

describe('the loss painter', () => {
  it('appends chunk after chunk to the canvas it painted, and paints it whole again when the view changes', () => {
    const { canvas, recorder, clears } = recordingCanvas();
    const painter = new LossPainter();
    const run = growingRun({ n: 200, b: 4, epochs: 400 });
    const targets = { canvas, back: null, front: null };
    for (let chunk = 0; chunk < 400; chunk++) painter.paint(targets, [run.advance(50)], view);
    expect(painter.counts.whole + painter.counts.appended).toBe(400);
    expect(painter.counts.appended).toBeGreaterThan(4 * painter.counts.whole);
    expect(clears.count).toBe(painter.counts.whole);

    // Nothing new: an append that strokes nothing.
    recorder.paints.length = 0;
    painter.paint(targets, [run.view()], view);
    expect(recorder.paints.every((p) => p.path.length === 0)).toBe(true);

    for (const change of [{ width: 600 }, { smoothing: 0.5 }, { yScale: 'linear' as const }, { zoom: [100, 500] as [number, number] }, { style: PRESENT_LOSS_STYLE }]) {
      const before = clears.count;
      painter.paint(targets, [run.view()], { ...view, ...change });
      expect(clears.count, JSON.stringify(change)).toBe(before + 1);
    }
    // A new canvas element shows nothing: it is painted whole.
    const other = recordingCanvas();
    painter.paint({ ...targets, canvas: other.canvas }, [run.view()], view);
    expect(other.clears.count).toBe(1);
  });

  it('paints nothing when the runs, the view and the targets are what it painted last', () => {
    const { canvas, recorder, clears } = recordingCanvas();
    const painter = new LossPainter();
    const run = growingRun({ n: 200, b: 4, epochs: 40 });
    const targets = { canvas, back: null, front: null };
    const runs = [run.advance(50)];
    painter.paint(targets, runs, view);
    const before = { ...painter.counts, paints: recorder.paints.length, clears: clears.count };
    // The page paints after every render of the panel and on every frame with new records: the same runs in a new array, a view with the same fields.
    painter.paint({ ...targets }, [...runs], { ...view });
    expect({ ...painter.counts, paints: recorder.paints.length, clears: clears.count }).toEqual(before);
    painter.paint(targets, [run.advance(50)], view);
    expect(painter.counts.whole + painter.counts.appended).toBe(before.whole + before.appended + 1);
  });
});
