import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchOrder } from '../../src/core/batchOrder.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';

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
        const copy = new BatchOrder(settings);
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

  it('keeps the permutation, not a recipe: shuffle=epoch reshuffles the last one in place', () => {
    const settings = { n: 50, b: 7, drop: false, seed: 3, shuffle: 'epoch' as const };
    const order = new BatchOrder(settings);
    order.beginEpoch();
    order.beginEpoch();
    const saved = order.save();
    expect(Array.from(saved.permutation ?? [])).toEqual(Array.from(order.order));
    expect(saved.chunks).toBeNull();
  });

  it('shares one frozen copy while the layout is unchanged, and copies again when it changes', () => {
    const epochMode = new BatchOrder({ n: 30, b: 4, drop: true, seed: 1, shuffle: 'epoch' });
    epochMode.beginEpoch();
    const first = epochMode.save();
    expect(epochMode.save().permutation).toBe(first.permutation);
    const before = Array.from(first.permutation ?? []);
    epochMode.beginEpoch();
    const second = epochMode.save();
    expect(second.permutation).not.toBe(first.permutation);
    expect(Array.from(first.permutation ?? [])).toEqual(before);

    // shuffle=once changes its layout only before epoch 1: every later state shares it.
    const once = new BatchOrder({ n: 30, b: 4, drop: false, seed: 1, shuffle: 'once' });
    once.beginEpoch();
    const early = once.save();
    once.beginEpoch();
    once.beginEpoch();
    expect(once.save().permutation).toBe(early.permutation);

    const batches = new BatchOrder({ n: 30, b: 4, drop: false, seed: 1, shuffle: 'batches' });
    batches.beginEpoch();
    const chunks = batches.save();
    expect(chunks.permutation).toBeNull();
    expect(chunks.chunks).toHaveLength(8);

    const none = new BatchOrder({ n: 30, b: 4, drop: false, seed: 1, shuffle: 'none' });
    none.beginEpoch();
    expect(none.save().permutation).toBeNull();
  });

  it('is refused by an order of another size', () => {
    const saved = new BatchOrder({ n: 30, b: 4, drop: false, seed: 1, shuffle: 'epoch' }).save();
    expect(() => new BatchOrder({ n: 31, b: 4, drop: false, seed: 1, shuffle: 'epoch' }).restore(saved)).toThrow(/different n/);
  });
});
