import { describe, expect, it } from 'vitest';
import { drawPaths } from '../../../src/panels/weights/drawPaths.ts';
import { lighter, WEIGHT_STYLE } from '../../../src/panels/weights/style.ts';
import { weightFrame } from '../../../src/panels/weights/weightFrame.ts';
import { runPaths, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { CanvasRecorder, type Paint } from '../shared/canvasRecorder.ts';
import { trainedRun } from '../runFixture.ts';

const frame = weightFrame({ w1: [-3, 3], w2: [-2, 4] }, 400, 356);

function paint(runs: readonly RunView[], primaryId: string | undefined, from = 0, style = WEIGHT_STYLE): Paint[] {
  const recorder = new CanvasRecorder();
  drawPaths(recorder.context, frame, { paths: runPaths(runs, new TrajectoryCache()), primaryId }, style, from);
  return recorder.paints;
}

const strokes = (paints: Paint[]) => paints.filter((p) => p.op === 'stroke' && p.path.length > 1);
const points = (paints: Paint[]) => strokes(paints).flatMap((p) => p.path.map((q) => [q.x, q.y]));

describe('weight-space paths on the canvas', () => {
  it('draws a known run through the pixels of its start, its epoch ends and its current weights', () => {
    const run = trainedRun({}, 30);
    const paints = paint([run], run.id);
    const drawn = points(paints);
    const at = (w1: number, w2: number) => [frame.x(w1), frame.y(w2)];
    const near = (p: number[]) => drawn.some((q) => Math.abs(q[0] - p[0]) < 1e-9 && Math.abs(q[1] - p[1]) < 1e-9);
    expect(near(at(run.settings.w0[0], run.settings.w0[1]))).toBe(true);
    expect(near(at(run.cursor.w1, run.cursor.w2))).toBe(true);
    const dots = paints.filter((p) => p.op === 'fill');
    expect(dots).toHaveLength(run.epochs.length);
    dots.forEach((dot, i) => {
      expect(dot.path[0]).toMatchObject({ kind: 'arc', r: WEIGHT_STYLE.epochDot.radius });
      const [x, y] = at(run.epochs.w1[i], run.epochs.w2[i]);
      expect(dot.path[0].x).toBeCloseTo(x, 9);
      expect(dot.path[0].y).toBeCloseTo(y, 9);
    });
  });

  it('alternates the shade per epoch and draws the primary run wider, on top', () => {
    const a = trainedRun({}, 30, 'a');
    const b = { ...trainedRun({ w0: [2, 3] }, 30, 'b'), color: '#d62728' };
    const paints = strokes(paint([a, b], 'a'));
    expect(paints.map((p) => p.strokeStyle)).toEqual(
      expect.arrayContaining([a.color, lighter(a.color), b.color, lighter(b.color)]),
    );
    expect(paints.at(-1)!.strokeStyle).toBe(a.color);
    expect(new Set(paints.filter((p) => p.strokeStyle.includes(a.color)).map((p) => p.lineWidth))).toEqual(new Set([WEIGHT_STYLE.path.primary.width]));
    expect(new Set(paints.filter((p) => p.strokeStyle.includes(b.color)).map((p) => p.lineWidth))).toEqual(new Set([WEIGHT_STYLE.path.other.width]));
  });

  it('draws a restart as a dashed jump between the epochs', () => {
    const run = trainedRun({ restart: true }, 30);
    const jumps = paint([run], run.id).filter((p) => p.lineDash.length > 0);
    expect(jumps).toHaveLength(1);
    expect(jumps[0].lineDash).toEqual(WEIGHT_STYLE.jump.dash);
    expect(jumps[0].globalAlpha).toBe(WEIGHT_STYLE.jump.alpha);
    // Epochs 2 and 3 each start with a jump: one move and one line per jump.
    expect(jumps[0].path.map((p) => p.kind)).toEqual(['moveTo', 'lineTo', 'moveTo', 'lineTo']);
  });

  it('appends from a row: only the rest of the path, joined to what is drawn', () => {
    const run = trainedRun({}, 30);
    const whole = points(paint([run], run.id));
    const tail = points(paint([run], run.id, 15));
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.length).toBeLessThan(whole.length);
    for (const p of tail) expect(whole).toContainEqual(p);
    expect(tail).not.toContainEqual(whole[0]);
    expect(tail.at(-1)).toEqual(whole.at(-1));
  });
});
