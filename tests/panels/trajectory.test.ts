import { describe, expect, it } from 'vitest';
import { buildTrajectory, epochOfStep, type PathRows } from '../../src/panels/trajectory.ts';

function rows(list: [number, number, number][]): PathRows {
  return {
    length: list.length,
    step: list.map((r) => r[0]),
    w1: list.map((r) => r[1]),
    w2: list.map((r) => r[2]),
  };
}

// Two epochs of 3 steps; the weights at step s are (s, -s).
const stepRows = rows([1, 2, 3, 4, 5, 6].map((s) => [s, s, -s]));
const ends = rows([
  [3, 3, -3],
  [6, 6, -6],
]);

describe('trajectory through weight space', () => {
  it('assigns the epoch-end step to the epoch it ends', () => {
    expect(epochOfStep(1, 3)).toBe(1);
    expect(epochOfStep(3, 3)).toBe(1);
    expect(epochOfStep(4, 3)).toBe(2);
  });

  it('starts at w0 and begins each epoch exactly where the previous one ended', () => {
    const t = buildTrajectory({ start: [0, 0], steps: stepRows, epochEnds: ends, stepsPerEpoch: 3, restart: false });
    expect(t.pieces.map((p) => p.epoch)).toEqual([1, 2]);
    expect(t.pieces[0].w1).toEqual([0, 1, 2, 3]);
    expect(t.pieces[1].w1).toEqual([3, 4, 5, 6]);
    expect(t.pieces[1].w2[0]).toBe(t.pieces[0].w2[t.pieces[0].w2.length - 1]);
    expect(t.jumps).toEqual([]);
  });

  it('passes through exact epoch ends even when the step rows were thinned past them', () => {
    const thinned = rows([
      [1, 1, -1],
      [5, 5, -5],
    ]);
    const t = buildTrajectory({ start: [0, 0], steps: thinned, epochEnds: ends, stepsPerEpoch: 3, restart: false });
    expect(t.pieces[0].w1).toEqual([0, 1, 3]);
    expect(t.pieces[1].w1).toEqual([3, 5, 6]);
  });

  it('shows a restart as a jump, not as a path the weights travelled', () => {
    const restarted = rows([
      [1, 1, -1],
      [2, 2, -2],
      [3, 3, -3],
      [4, 40, 40],
      [5, 41, 41],
      [6, 42, 42],
    ]);
    const restartEnds = rows([
      [3, 3, -3],
      [6, 42, 42],
    ]);
    const t = buildTrajectory({ start: [0, 0], steps: restarted, epochEnds: restartEnds, stepsPerEpoch: 3, restart: true });
    expect(t.pieces[1].w1).toEqual([40, 41, 42]);
    expect(t.jumps).toEqual([{ epoch: 2, from: [3, -3], to: [40, 40] }]);
  });

  it('is just the start before the first step', () => {
    const t = buildTrajectory({ start: [-1.5, 2], steps: rows([]), epochEnds: rows([]), stepsPerEpoch: 10, restart: false });
    expect(t.pieces).toEqual([]);
    expect(t.start).toEqual([-1.5, 2]);
  });
});

describe('trajectory end', () => {
  it('ends at the current weights when they are ahead of the stored rows', () => {
    const t = buildTrajectory({
      start: [0, 0],
      steps: rows([[1, 1, -1]]),
      epochEnds: rows([]),
      stepsPerEpoch: 3,
      restart: false,
      current: { step: 2, w1: 2, w2: -2 },
    });
    expect(t.pieces[0].w1).toEqual([0, 1, 2]);
  });

  it('ignores a current state already among the rows', () => {
    const t = buildTrajectory({ start: [0, 0], steps: stepRows, epochEnds: ends, stepsPerEpoch: 3, restart: false, current: { step: 6, w1: 6, w2: -6 } });
    expect(t.pieces[1].w1).toEqual([3, 4, 5, 6]);
  });
});
