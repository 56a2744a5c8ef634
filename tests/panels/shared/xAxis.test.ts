import { describe, expect, it } from 'vitest';
import { epochBoundaries, epochFraction, examplesSeen, mapSteps, niceStride, xOfStep, type StepPlan } from '../../../src/panels/shared/xAxis.ts';

// n = 100, b = 32: batches of 32, 32, 32, 4 — the last batch is short.
const shortLast: StepPlan = { stepsPerEpoch: 4, examplesPerEpoch: 100, batchSize: 32, stepsPerBatch: 1 };
// n = 100, b = 10, k = 3: each batch is stepped on three times.
const repeated: StepPlan = { stepsPerEpoch: 30, examplesPerEpoch: 100, batchSize: 10, stepsPerBatch: 3 };

describe('x-axis mapping', () => {
  it('counts gradient steps as they are', () => {
    expect(xOfStep(17, 'steps', shortLast)).toBe(17);
  });

  it('puts the end of epoch e at exactly e and mid-epoch steps at fractions', () => {
    expect(epochFraction(4, shortLast)).toBe(1);
    expect(xOfStep(8, 'epochs', shortLast)).toBe(2);
    expect(xOfStep(15, 'epochs', repeated)).toBe(0.5);
  });

  it('counts examples of started batches, capping the short last batch at the epoch size', () => {
    expect(examplesSeen(0, shortLast)).toBe(0);
    expect(examplesSeen(1, shortLast)).toBe(32);
    expect(examplesSeen(3, shortLast)).toBe(96);
    expect(examplesSeen(4, shortLast)).toBe(100);
    expect(examplesSeen(5, shortLast)).toBe(132);
  });

  it('counts the k steps on one batch as one look at its examples', () => {
    expect([1, 2, 3, 4].map((s) => examplesSeen(s, repeated))).toEqual([10, 10, 10, 20]);
    expect(examplesSeen(30, repeated)).toBe(100);
    expect(examplesSeen(31, repeated)).toBe(110);
  });

  it('keeps examples seen non-decreasing over a whole run', () => {
    let previous = -1;
    for (let s = 0; s <= 200; s++) {
      const x = examplesSeen(s, shortLast);
      expect(x).toBeGreaterThanOrEqual(previous);
      previous = x;
    }
  });

  it('maps a column of steps into the given buffer', () => {
    const steps = new Float64Array([1, 2, 4, 99]);
    const out = mapSteps(steps, 3, 'examples', shortLast, new Float64Array(4));
    expect(Array.from(out)).toEqual([32, 64, 100, 0]);
  });
});

describe('epoch boundaries', () => {
  it('lists every epoch end in the chosen units', () => {
    expect(epochBoundaries(3, 'steps', shortLast)).toEqual([
      { epoch: 1, x: 4 },
      { epoch: 2, x: 8 },
      { epoch: 3, x: 12 },
    ]);
    expect(epochBoundaries(2, 'examples', shortLast).map((b) => b.x)).toEqual([100, 200]);
  });

  it('thins to every 2nd, 5th, 10th … epoch when there are too many to draw', () => {
    expect(niceStride(10, 100)).toBe(1);
    expect(niceStride(150, 100)).toBe(2);
    expect(niceStride(400, 100)).toBe(5);
    expect(niceStride(100_000, 100)).toBe(1000);
    const rules = epochBoundaries(1000, 'epochs', shortLast, 100);
    expect(rules.length).toBeLessThanOrEqual(100);
    expect(rules[0]).toEqual({ epoch: 10, x: 10 });
  });

  it('within a window, lists the epochs whose ends are in it, thinned by their count', () => {
    // shortLast: epoch e ends at step 4e.
    expect(epochBoundaries(10, 'steps', shortLast, Infinity, [8, 20]).map((b) => b.epoch)).toEqual([2, 3, 4, 5]);
    expect(epochBoundaries(10, 'steps', shortLast, Infinity, [9, 19]).map((b) => b.epoch)).toEqual([3, 4]);
    expect(epochBoundaries(10, 'steps', shortLast, Infinity, [41, 50])).toEqual([]);
    // 1,000 epochs, 301 of them in the window, room for 100: every 5th, the multiples of 5 inside.
    const rules = epochBoundaries(1000, 'epochs', shortLast, 100, [200, 500]);
    expect(rules.map((r) => r.epoch)).toEqual(Array.from({ length: 61 }, (_, i) => 200 + 5 * i));
    // Whatever the window, the rules are those of filtering every epoch by it.
    for (const window of [[0, 1000], [3.5, 7.5], [999, 2000], [-5, 0.5]] as const) {
      const every = epochBoundaries(1000, 'epochs', shortLast).filter((b) => b.x >= window[0] && b.x <= window[1]);
      expect(epochBoundaries(1000, 'epochs', shortLast, Infinity, window)).toEqual(every);
    }
  });
});

