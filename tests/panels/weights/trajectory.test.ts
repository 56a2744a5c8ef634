import { describe, expect, it } from 'vitest';
import { buildTrajectory, epochOfStep, TrajectoryBuffers, type PathRows, type Trajectory, type TrajectoryInput } from '../../../src/panels/weights/trajectory.ts';

function rows(list: [number, number, number][]): PathRows {
  return {
    length: list.length,
    step: list.map((r) => r[0]),
    w1: list.map((r) => r[1]),
    w2: list.map((r) => r[2]),
  };
}

/** The points of one piece as plain numbers: [w1 values, w2 values]. */
function pointsOf(t: Trajectory, index: number): { w1: number[]; w2: number[] } {
  const p = t.pieces[index];
  return { w1: Array.from(t.w1.subarray(p.start, p.end)), w2: Array.from(t.w2.subarray(p.start, p.end)) };
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
    expect(pointsOf(t, 0).w1).toEqual([0, 1, 2, 3]);
    expect(pointsOf(t, 1).w1).toEqual([3, 4, 5, 6]);
    expect(pointsOf(t, 1).w2[0]).toBe(pointsOf(t, 0).w2.at(-1));
    expect(t.jumps).toEqual([]);
  });

  it('passes through exact epoch ends even when the step rows were thinned past them', () => {
    const thinned = rows([
      [1, 1, -1],
      [5, 5, -5],
    ]);
    const t = buildTrajectory({ start: [0, 0], steps: thinned, epochEnds: ends, stepsPerEpoch: 3, restart: false });
    expect(pointsOf(t, 0).w1).toEqual([0, 1, 3]);
    expect(pointsOf(t, 1).w1).toEqual([3, 5, 6]);
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
    expect(pointsOf(t, 1).w1).toEqual([40, 41, 42]);
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
    expect(pointsOf(t, 0).w1).toEqual([0, 1, 2]);
  });

  it('ignores a current state already among the rows', () => {
    const t = buildTrajectory({ start: [0, 0], steps: stepRows, epochEnds: ends, stepsPerEpoch: 3, restart: false, current: { step: 6, w1: 6, w2: -6 } });
    expect(pointsOf(t, 1).w1).toEqual([3, 4, 5, 6]);
  });
});

/** The path as pieces of plain arrays, built the straightforward way: the model the flat, buffer-reusing build must match. */
function referencePath(input: TrajectoryInput) {
  const { steps, epochEnds, stepsPerEpoch, restart, start } = input;
  const pieces: { epoch: number; w1: number[]; w2: number[] }[] = [];
  const jumps: { epoch: number; from: [number, number]; to: [number, number] }[] = [];
  let lastStep = 0;
  let last: [number, number] = [start[0], start[1]];
  const add = (step: number, w1: number, w2: number): void => {
    if (!(step > lastStep)) return;
    const epoch = epochOfStep(step, stepsPerEpoch);
    if (pieces.at(-1)?.epoch !== epoch) {
      pieces.push({ epoch, w1: [], w2: [] });
      if (restart && epoch > 1) jumps.push({ epoch, from: last, to: [w1, w2] });
      else {
        pieces.at(-1)!.w1.push(last[0]);
        pieces.at(-1)!.w2.push(last[1]);
      }
    }
    pieces.at(-1)!.w1.push(w1);
    pieces.at(-1)!.w2.push(w2);
    lastStep = step;
    last = [w1, w2];
  };
  const all: [number, number, number][] = [];
  for (let j = 0; j < epochEnds.length; j++) all.push([epochEnds.step[j], epochEnds.w1[j], epochEnds.w2[j]]);
  for (let i = 0; i < steps.length; i++) all.push([steps.step[i], steps.w1[i], steps.w2[i]]);
  // Stable: at equal steps the epoch-end row comes first.
  all.sort((a, b) => a[0] - b[0]);
  for (const [s, w1, w2] of all) add(s, w1, w2);
  if (input.current) add(input.current.step, input.current.w1, input.current.w2);
  return { pieces, jumps };
}

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random thinned run: a random subset of `total` steps, every epoch end that has passed, maybe a current state ahead. */
function randomInput(random: () => number): TrajectoryInput {
  const stepsPerEpoch = 1 + Math.floor(random() * 20);
  const total = Math.floor(random() * 200);
  const weights = (s: number): [number, number] => [Math.sin(s * 0.37) * 3 + random() * 0.01, Math.cos(s * 0.11) - s / 50];
  const keep = random();
  const stepList: [number, number, number][] = [];
  const endList: [number, number, number][] = [];
  const done = total - Math.floor(random() * 3);
  for (let s = 1; s <= done; s++) {
    const w = weights(s);
    if (random() < keep) stepList.push([s, ...w]);
    if (s % stepsPerEpoch === 0) endList.push([s, ...w]);
  }
  return {
    start: [random() * 4 - 2, random() * 4 - 2],
    steps: rows(stepList),
    epochEnds: rows(endList),
    stepsPerEpoch,
    restart: random() < 0.3,
    current: total > 0 && random() < 0.7 ? { step: total, w1: random(), w2: random() } : undefined,
  };
}

describe('trajectory built into reused buffers', () => {
  it('equals the straightforward build for random thinned runs, frame after frame into the same buffers', () => {
    const random = lcg(12345);
    const buffers = new TrajectoryBuffers();
    for (let trial = 0; trial < 300; trial++) {
      const input = randomInput(random);
      const t = buildTrajectory(input, buffers);
      const expected = referencePath(input);
      expect(t.pieces.map((_, k) => ({ epoch: t.pieces[k].epoch, ...pointsOf(t, k) }))).toEqual(expected.pieces);
      expect(t.jumps).toEqual(expected.jumps);
      expect(t.length).toBe(expected.pieces.reduce((n, p) => n + p.w1.length, 0));
      // Pieces follow each other in the point arrays with nothing in between.
      t.pieces.forEach((p, k) => expect(p.start).toBe(k === 0 ? 0 : t.pieces[k - 1].end));
    }
  });

  it('resumes after the stable rows of a growing series, and equals a fresh build on every frame', () => {
    const random = lcg(777);
    for (let trial = 0; trial < 40; trial++) {
      const stepsPerEpoch = 1 + Math.floor(random() * 12);
      const restart = random() < 0.3;
      const start: [number, number] = [random(), random()];
      const weights = (s: number, salt: number): [number, number] => [Math.sin(s * 0.37 + salt), Math.cos(s * 0.11 + salt) - s / 50];
      const buffers = new TrajectoryBuffers();
      let revision = 0;
      let every = 1;
      let reach = 0;
      for (let frame = 0; frame < 60; frame++) {
        reach += Math.floor(random() * 8);
        // A new revision thins the rows afresh (the worker's wider buckets).
        if (random() < 0.1) {
          revision++;
          every = 1 + Math.floor(random() * 3);
        }
        const list: [number, number, number][] = [];
        for (let s = every; s <= reach; s += every) list.push([s, ...weights(s, 0)]);
        // The open bucket's rows still move from frame to frame; the rows before them are stable.
        const open = Math.min(list.length, Math.floor(random() * 5));
        for (let k = list.length - open; k < list.length; k++) list[k] = [list[k][0], ...weights(list[k][0], frame + 1)];
        const endList: [number, number, number][] = [];
        for (let s = stepsPerEpoch; s <= reach; s += stepsPerEpoch) endList.push([s, ...weights(s, 0)]);
        const input: TrajectoryInput = {
          start,
          steps: { ...rows(list), revision, stable: list.length - open },
          epochEnds: rows(endList),
          stepsPerEpoch,
          restart,
          current: reach > 0 && random() < 0.8 ? { step: reach, w1: random(), w2: random() } : undefined,
        };
        const t = buildTrajectory(input, buffers);
        const expected = referencePath(input);
        expect(t.pieces.map((_, k) => ({ epoch: t.pieces[k].epoch, ...pointsOf(t, k) }))).toEqual(expected.pieces);
        expect(t.jumps).toEqual(expected.jumps);
        // The next build resumes after the stable rows.
        expect(buffers.resume?.at[0]).toBe(list.length - open);
      }
    }
  });

  it('grows the buffers for a longer run and keeps reusing them once large enough', () => {
    const buffers = new TrajectoryBuffers();
    const long = rows(Array.from({ length: 500 }, (_, k): [number, number, number] => [k + 1, k, -k]));
    const t = buildTrajectory({ start: [0, 0], steps: long, epochEnds: rows([]), stepsPerEpoch: 1000, restart: false }, buffers);
    expect(t.length).toBe(501);
    const storage = buffers.w1;
    buildTrajectory({ start: [0, 0], steps: stepRows, epochEnds: ends, stepsPerEpoch: 3, restart: false }, buffers);
    expect(buffers.w1).toBe(storage);
  });
});
