import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSchedule } from '../../src/core/schedule.ts';

const shape = fc
  .record({ n: fc.integer({ min: 1, max: 10_000 }), bFraction: fc.double({ min: 0, max: 1, noNaN: true }), drop: fc.boolean(), k: fc.integer({ min: 1, max: 20 }), epochs: fc.integer({ min: 1, max: 50 }) })
  .map(({ bFraction, ...rest }) => ({ ...rest, b: Math.max(1, Math.min(rest.n, Math.round(bFraction * rest.n))) }));

describe('the schedule of an epoch', () => {
  it('has ⌈N/B⌉ batches, or ⌊N/B⌋ with drop-last, and k steps on each', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const schedule = createSchedule(s);
        expect(schedule.batchesPerEpoch).toBe(s.drop ? Math.floor(s.n / s.b) : Math.ceil(s.n / s.b));
        expect(schedule.stepsPerEpoch).toBe(schedule.batchesPerEpoch * s.k);
        expect(schedule.totalSteps).toBe(schedule.stepsPerEpoch * s.epochs);
      }),
    );
  });

  it('has full batches but the last, whose size makes up the examples an epoch uses', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const schedule = createSchedule(s);
        expect(schedule.lastBatchSize).toBeGreaterThanOrEqual(1);
        expect(schedule.lastBatchSize).toBeLessThanOrEqual(s.b);
        expect((schedule.batchesPerEpoch - 1) * s.b + schedule.lastBatchSize).toBe(schedule.examplesPerEpoch);
        expect(schedule.examplesPerEpoch).toBe(s.drop ? s.n - (s.n % s.b) : s.n);
      }),
    );
  });

  it('keeps the short batch, or drops it', () => {
    expect(createSchedule({ n: 10, b: 3, drop: false, k: 1, epochs: 1 })).toMatchObject({ batchesPerEpoch: 4, lastBatchSize: 1, examplesPerEpoch: 10 });
    expect(createSchedule({ n: 10, b: 3, drop: true, k: 1, epochs: 1 })).toMatchObject({ batchesPerEpoch: 3, lastBatchSize: 3, examplesPerEpoch: 9 });
  });

  it('makes one batch of everything when b = n, with or without drop-last', () => {
    for (const drop of [false, true]) {
      expect(createSchedule({ n: 37, b: 37, drop, k: 2, epochs: 3 })).toEqual({
        batchesPerEpoch: 1,
        stepsPerEpoch: 2,
        lastBatchSize: 37,
        examplesPerEpoch: 37,
        totalSteps: 6,
      });
    }
  });
});
