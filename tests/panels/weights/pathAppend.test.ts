import { describe, expect, it } from 'vitest';
import { drawPaths } from '../../../src/panels/weights/drawPaths.ts';
import { planPathPaint, type PathPaintRecord } from '../../../src/panels/weights/pathAppend.ts';
import { WEIGHT_STYLE } from '../../../src/panels/weights/style.ts';
import { weightFrame } from '../../../src/panels/weights/weightFrame.ts';
import { runPaths, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import { frameKey } from '../../../src/panels/shared/plotFrame.ts';
import { CanvasRecorder, type Paint } from '../shared/canvasRecorder.ts';
import { growingRun } from '../growingRun.ts';

const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);
const key = frameKey(frame);

/** Every dot a paint fills, as text, and every point its strokes pass through, per colour. */
function marks(paints: readonly Paint[]): { dots: Set<string>; points: Map<string, [number, number][]> } {
  const dots = new Set<string>();
  const points = new Map<string, [number, number][]>();
  for (const p of paints) {
    if (p.op === 'fill') dots.add(`${p.fillStyle} ${p.path[0].x.toFixed(9)},${p.path[0].y.toFixed(9)}`);
    else if (p.path.length > 1) {
      const list = points.get(p.strokeStyle) ?? [];
      for (const q of p.path) list.push([q.x, q.y]);
      points.set(p.strokeStyle, list);
    }
  }
  return { dots, points };
}

/** Whether every point of `a` is within half a pixel (each way, the drawing's own tolerance for skipping a row) of one of `b`. */
function covered(a: readonly [number, number][], b: readonly [number, number][]): boolean {
  return a.every(([x, y]) => b.some(([u, v]) => Math.abs(x - u) <= 0.5 + 1e-9 && Math.abs(y - v) <= 0.5 + 1e-9));
}

describe('appending to the weight-space paths drawn', () => {
  it('extends each path from the rows drawn, and what is drawn in all adds up to the whole path and every epoch dot', () => {
    const a = growingRun({ n: 200, b: 4, epochs: 12 }, 'a', '#1f77b4', 4096);
    const b = growingRun({ n: 200, b: 10, epochs: 12 }, 'b', '#ff7f0e', 4096);
    const cache = new TrajectoryCache();
    let last: PathPaintRecord | null = null;
    const drawn: Paint[] = [];
    let appends = 0;
    for (let chunk = 0; chunk < 30; chunk++) {
      const runs = [a.advance(19), b.advance(7)];
      const paths = runPaths(runs, cache);
      const plan = planPathPaint(last, paths, 'a', key);
      const recorder = new CanvasRecorder();
      drawPaths(recorder.context, frame, plan.shapes, WEIGHT_STYLE);
      if (plan.whole) drawn.length = 0;
      else appends++;
      drawn.push(...recorder.paints);
      last = plan.record;
    }
    expect(appends).toBe(29);
    const whole = new CanvasRecorder();
    drawPaths(whole.context, frame, { paths: runPaths([a.view(), b.view()], new TrajectoryCache()), primaryId: 'a' }, WEIGHT_STYLE);
    // Short paths are drawn row for row (no stride); the drawing skips moves under half a pixel, from wherever it starts,
    // so the appends draw the same dots and pass within half a pixel of every point the whole drawing passes through.
    const expected = marks(whole.paints);
    const got = marks(drawn);
    expect([...got.dots].sort()).toEqual([...expected.dots].sort());
    expect([...got.points.keys()].sort()).toEqual([...expected.points.keys()].sort());
    for (const [color, points] of expected.points) {
      expect(covered(points, got.points.get(color)!), color).toBe(true);
      expect(covered(got.points.get(color)!, points), color).toBe(true);
    }
  });

  it('paints whole when the frame, the primary run, a colour or the runs change, or a thinning is rebuilt', () => {
    const a = growingRun({ n: 200, b: 1, epochs: 10 }, 'a', '#1f77b4', 64);
    const cache = new TrajectoryCache();
    const first = planPathPaint(null, runPaths([a.advance(100)], cache), 'a', key);
    expect(first.whole).toBe(true);
    const view = a.view();
    expect(planPathPaint(first.record, runPaths([view], cache), 'a', key).whole).toBe(false);
    expect(planPathPaint(first.record, runPaths([view], cache), 'a', frameKey(weightFrame({ w1: [-3, 3], w2: [-2, 5] }, 400, 356))).whole).toBe(true);
    expect(planPathPaint(first.record, runPaths([view], cache), undefined, key).whole).toBe(true);
    expect(planPathPaint(first.record, runPaths([{ ...view, color: '#d62728' }], cache), 'a', key).whole).toBe(true);
    const other = growingRun({ n: 200, b: 2, epochs: 10 }, 'b').advance(10);
    expect(planPathPaint(first.record, runPaths([view, other], cache), 'a', key).whole).toBe(true);
    let record = first.record;
    let rebuilt = 0;
    for (let chunk = 0; chunk < 30; chunk++) {
      const before = a.view().lossSeries.revision;
      const next = a.advance(37);
      const paths = runPaths([next], cache);
      const plan = planPathPaint(record, paths, 'a', key);
      if (next.lossSeries.revision !== before) {
        expect(plan.whole).toBe(true);
        rebuilt++;
        // Otherwise an append, unless the path got shorter: the open bucket's rows can merge as it fills.
      } else expect(plan.whole).toBe(paths[0].trajectory.length < record.rows.get('a')!);
      record = plan.record;
    }
    expect(rebuilt).toBeGreaterThan(0);
  });
});
