import { describe, expect, it } from 'vitest';
import { drawCurves } from '../../../src/panels/loss/drawCurves.ts';
import { drawEpochDots } from '../../../src/panels/loss/drawEpochDots.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout } from '../../../src/panels/loss/lossLayout.ts';
import { lossMarks } from '../../../src/panels/loss/lossMarks.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { RecordingContext, replay } from '../../../src/panels/shared/displayList.ts';
import { drawPaths } from '../../../src/panels/weights/drawPaths.ts';
import { WEIGHT_STYLE } from '../../../src/panels/weights/style.ts';
import { weightFrame } from '../../../src/panels/weights/weightFrame.ts';
import { runPaths, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import { CanvasRecorder } from './canvasRecorder.ts';
import { trainedRun } from '../runFixture.ts';

/** What `draw` paints straight onto a context, and what the same drawing recorded and replayed paints. */
function directAndReplayed(draw: (ctx: CanvasRenderingContext2D) => void) {
  const direct = new CanvasRecorder();
  draw(direct.context);
  const recording = new RecordingContext();
  draw(recording.asContext());
  const replayed = new CanvasRecorder();
  replay(recording.finish(), replayed.context as unknown as Parameters<typeof replay>[1]);
  return { direct: direct.paints, replayed: replayed.paints };
}

describe('a display list', () => {
  it('replays the loss chart, smoothed, with a validation curve and epoch dots, call for call', () => {
    const runs = [trainedRun({ n: 300, b: 8, epochs: 6, val: 0.2 }, Infinity, 'a'), trainedRun({ n: 300, b: 8, epochs: 6, shuffle: 'none' }, Infinity, 'b')];
    const layout = buildLossLayout(runs, { xAxis: 'steps', yScale: 'log', smoothing: 0.6, primaryRunId: 'a', initialLoss: (r) => startLossFor(r.settings) });
    const frame = lossFrame(layout, 560, 290, 'log');
    const marks = lossMarks(layout, { xAxis: 'steps', yScale: 'log', plotWidth: 496, epochDotSpacing: 7, epochRuleSpacing: 6, clipMarkSpacing: 8 });
    const { direct, replayed } = directAndReplayed((ctx) => {
      drawCurves(ctx, frame, { layout, smoothed: true }, LOSS_STYLE);
      drawEpochDots(ctx, frame, marks.epochDots, LOSS_STYLE);
    });
    expect(direct.some((p) => p.lineDash.length > 0)).toBe(true);
    expect(direct.filter((p) => p.op === 'fill').length).toBeGreaterThan(0);
    expect(replayed).toEqual(direct);
  });

  it('replays the weight-space paths, restart jumps included, call for call', () => {
    const runs = [trainedRun({ n: 200, b: 4, epochs: 5, restart: true }, Infinity, 'a'), trainedRun({ n: 200, b: 4, epochs: 5 }, Infinity, 'b')];
    const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);
    const { direct, replayed } = directAndReplayed((ctx) => drawPaths(ctx, frame, { paths: runPaths(runs, new TrajectoryCache()), primaryId: 'a' }, WEIGHT_STYLE));
    expect(direct.length).toBeGreaterThan(4);
    expect(replayed).toEqual(direct);
  });

  it('gives back the style it was set, and what save and restore bring back', () => {
    const ctx = new RecordingContext();
    ctx.lineWidth = 3;
    ctx.save();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#abc';
    expect([ctx.lineWidth, ctx.strokeStyle]).toEqual([1.5, '#abc']);
    ctx.restore();
    expect([ctx.lineWidth, ctx.strokeStyle]).toEqual([3, '#000']);
  });
});
