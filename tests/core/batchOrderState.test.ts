import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchOrder } from '../../src/core/batchOrder.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';
import { shuffler } from 'd3-array';
import { Lcg } from '../../src/core/random.ts';

const orderCase = fc
  .record({
    n: fc.integer({ min: 1, max: 80 }),
    bFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    drop: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    shuffle: fc.constantFrom(...SHUFFLE_MODES),
    at: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ bFraction, ...rest }) => ({ ...rest, b: Math.max(1, Math.min(rest.n, Math.round(bFraction * rest.n))) }));

function layout(order: BatchOrder): string {
  return `${Array.from(order.order).join()}|${Array.from(order.bounds).join()}`;
}

describe('a saved batch order', () => {
  it('lays out every later epoch exactly as the order it was saved from', () => {
    fc.assert(
      fc.property(orderCase, ({ at, ...settings }) => {
        const original = new BatchOrder(settings);
        for (let e = 0; e < at; e++) original.beginEpoch();
        const saved = original.save();
        // A copy borrowing the original's bounds (all modes but batches share them) lays out the same.
        const copy = new BatchOrder(settings, original);
        expect(copy.bounds === original.bounds).toBe(settings.shuffle !== 'batches');
        copy.beginEpoch();
        copy.beginEpoch();
        copy.restore(saved);
        expect(copy.epochsBegun).toBe(at);
        expect(layout(copy)).toBe(layout(original));
        for (let e = 0; e < 4; e++) {
          original.beginEpoch();
          copy.beginEpoch();
          expect(layout(copy)).toBe(layout(original));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a recipe, not the order: each epoch is drawn afresh from 0 … n−1 with the stream at its start', () => {
    fc.assert(
      fc.property(orderCase, ({ at, ...settings }) => {
        const order = new BatchOrder(settings);
        for (let e = 0; e <= at; e++) order.beginEpoch();
        const saved = order.save();
        expect(Object.keys(saved).sort()).toEqual(['epochsBegun', 'layoutRandom']);
        // What PyTorch's RandomSampler does: a fresh permutation each epoch, none of the last one's order kept.
        const fresh = (count: number) => shuffler(new Lcg(saved.layoutRandom).draw)(Uint32Array.from({ length: count }, (_, i) => i));
        if (settings.shuffle === 'epoch' || settings.shuffle === 'once') {
          expect(Array.from(order.order)).toEqual(Array.from(fresh(settings.n).subarray(0, order.order.length)));
        }
        if (settings.shuffle === 'batches') {
          const starts = Array.from(order.bounds.subarray(0, order.batches), (bound) => order.order[bound] / settings.b);
          expect(starts).toEqual(Array.from(fresh(order.batches)));
        }
        // once draws its order from the stream's start, before epoch 1; none never draws.
        if (settings.shuffle === 'once' || settings.shuffle === 'none') expect(saved.layoutRandom).toBe(new BatchOrder(settings).save().layoutRandom);
      }),
      { numRuns: 300 },
    );
  });
});

// A trainer lends its batch order's bounds to any trainer it lends its data to
// (a compared run of the same n but its own b, drop-last, shuffle and seed), so
// the borrower must check they are its own: a wrong bound would cut its
// batches elsewhere, and a shared array rewritten by shuffle=batches would
// move the lender's.
const lendingCase = fc
  .record({ borrower: orderCase, bFraction: fc.double({ min: 0, max: 1, noNaN: true }), sameB: fc.boolean(), drop: fc.boolean(), seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }), shuffle: fc.constantFrom(...SHUFFLE_MODES) })
  .map(({ borrower, bFraction, sameB, ...rest }) => {
    const { n } = borrower;
    const b = sameB ? borrower.b : Math.max(1, Math.min(n, Math.round(bFraction * n)));
    return { borrower, lender: { n, b, ...rest } };
  });

describe('a batch order built with a compared run’s', () => {
  it('lays out every epoch as one built alone, and leaves the lender’s layouts alone', () => {
    fc.assert(
      fc.property(lendingCase, ({ borrower: { at, ...settings }, lender: lenderSettings }) => {
        const lender = new BatchOrder(lenderSettings);
        const lenderAlone = new BatchOrder(lenderSettings);
        const borrower = new BatchOrder(settings, lender);
        const alone = new BatchOrder(settings);
        const sameBounds = settings.b === lenderSettings.b && borrower.order.length === lender.order.length;
        expect(borrower.bounds === lender.bounds).toBe(sameBounds && settings.shuffle !== 'batches' && lenderSettings.shuffle !== 'batches');
        for (let e = 0; e <= at + 2; e++) {
          borrower.beginEpoch();
          alone.beginEpoch();
          expect(layout(borrower)).toBe(layout(alone));
          lender.beginEpoch();
          lenderAlone.beginEpoch();
          expect(layout(lender)).toBe(layout(lenderAlone));
        }
      }),
      { numRuns: 300 },
    );
  });
});
