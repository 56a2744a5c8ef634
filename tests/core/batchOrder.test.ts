import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer } from '../../src/core/trainer.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';
import type { ShuffleMode } from '../../src/core/settings.ts';
import { recordBatches, settingsWith } from './runs.ts';

const WITHOUT_REPLACEMENT = SHUFFLE_MODES.filter((m) => m !== 'replacement');
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const sorted = (v: number[]) => [...v].sort((a, b) => a - b);

const orderCase = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    bFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    drop: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  })
  .map(({ bFraction, ...rest }) => ({ ...rest, b: Math.max(1, Math.min(rest.n, Math.round(bFraction * rest.n))), epochs: 3 }));

describe('batch order', () => {
  it('uses every example exactly once per epoch, all but the last n mod b with drop-last', () => {
    fc.assert(
      fc.property(orderCase, fc.constantFrom(...WITHOUT_REPLACEMENT), (c, shuffle) => {
        const epochs = recordBatches(settingsWith({ ...c, shuffle }));
        expect(epochs).toHaveLength(3);
        const used = c.drop ? c.n - (c.n % c.b) : c.n;
        for (const batches of epochs) {
          const examples = batches.flat();
          expect(examples).toHaveLength(used);
          expect(new Set(examples).size).toBe(used);
          expect(examples.every((i) => i >= 0 && i < c.n)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives every mode the same batch sizes: b, and the short batch unless dropped', () => {
    fc.assert(
      fc.property(orderCase, fc.constantFrom(...SHUFFLE_MODES), (c, shuffle) => {
        const schedule = createTrainer(settingsWith({ ...c, shuffle })).schedule;
        for (const batches of recordBatches(settingsWith({ ...c, shuffle }))) {
          const sizes = sorted(batches.map((batch) => batch.length));
          const expected = sorted([...Array(schedule.batchesPerEpoch - 1).fill(c.b), schedule.lastBatchSize]);
          expect(sizes).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('epochOrder() is the epoch’s batches laid end to end', () => {
    for (const shuffle of SHUFFLE_MODES) {
      const trainer = createTrainer(settingsWith({ n: 23, b: 5, shuffle, epochs: 2 }));
      const seen: number[] = [];
      for (let step = 0; step < trainer.schedule.stepsPerEpoch; step++) {
        trainer.advance(1, null, null);
        seen.push(...trainer.currentBatch());
      }
      expect(Array.from(trainer.epochOrder())).toEqual(seen);
    }
  });

  const epochsOf = (shuffle: ShuffleMode, overrides = {}) => recordBatches(settingsWith({ n: 40, b: 4, epochs: 4, shuffle, ...overrides })).map((e) => e.flat());

  it('none: 0 … n−1 in order, every epoch', () => {
    for (const order of epochsOf('none')) expect(order).toEqual(range(0, 40));
  });

  it('once: one shuffled order, reused every epoch', () => {
    const orders = epochsOf('once');
    expect(orders[0]).not.toEqual(range(0, 40));
    for (const order of orders) expect(order).toEqual(orders[0]);
  });

  it('epoch: a new order every epoch', () => {
    const orders = epochsOf('epoch');
    expect(new Set(orders.map((o) => o.join())).size).toBe(orders.length);
  });

  it('batches: the same contiguous batches, in a new order every epoch', () => {
    const epochs = recordBatches(settingsWith({ n: 42, b: 4, epochs: 4, shuffle: 'batches' }));
    const asSets = epochs.map((batches) => sorted(batches.map((batch) => batch[0])));
    for (const batches of epochs) {
      for (const batch of batches) {
        expect(batch[0] % 4).toBe(0);
        expect(batch).toEqual(range(batch[0], Math.min(batch[0] + 4, 42)));
      }
    }
    for (const starts of asSets) expect(starts).toEqual(asSets[0]);
    expect(new Set(epochs.map((batches) => batches.map((b) => b[0]).join())).size).toBe(epochs.length);
  });

  it('batches with drop-last: the short last chunk is the one left out', () => {
    for (const batches of recordBatches(settingsWith({ n: 42, b: 4, epochs: 3, shuffle: 'batches', drop: true }))) {
      expect(sorted(batches.flat())).toEqual(range(0, 40));
    }
  });

  it('replacement: draws with replacement, so an epoch repeats some examples and misses others', () => {
    const orders = epochsOf('replacement', { n: 100, b: 10 });
    for (const order of orders) {
      expect(order).toHaveLength(100);
      expect(order.every((i) => Number.isInteger(i) && i >= 0 && i < 100)).toBe(true);
      expect(new Set(order).size).toBeLessThan(100);
    }
  });

  it('repeats for the same seed and changes with it', () => {
    for (const shuffle of ['once', 'epoch', 'batches', 'replacement'] as const) {
      const a = epochsOf(shuffle, { seed: 1 });
      expect(epochsOf(shuffle, { seed: 1 })).toEqual(a);
      expect(epochsOf(shuffle, { seed: 2 })).not.toEqual(a);
    }
  });
});
