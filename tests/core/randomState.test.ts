import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { shuffler } from 'd3-array';
import { Lcg, NormalDraws, RANDOM_STREAMS, lcgStream, normalFrom, randomStream, streamState } from '../../src/core/random.ts';
import type { RandomSource } from '../../src/core/random.ts';
import { portableLog } from '../../src/core/portableLog.ts';
import { MAX_SEED } from '../../src/core/settings.ts';

const TWO_POW_32 = 2 ** 32;

/** How every stream was built before its state could be saved: d3-random's own LCG. */
function d3Stream(state: number): RandomSource {
  return randomLcg(state / TWO_POW_32);
}

/** normalFrom as it was written on a closure before its spare became saveable state. */
function closureNormal(source: RandomSource, mean = 0, deviation = 1): RandomSource {
  let spare: number | null = null;
  let r = 0;
  return () => {
    let y: number;
    if (spare !== null) {
      y = spare;
      spare = null;
    } else {
      let x: number;
      do {
        x = source() * 2 - 1;
        y = source() * 2 - 1;
        r = x * x + y * y;
      } while (!r || r > 1);
      spare = x;
    }
    return mean + deviation * y * Math.sqrt((-2 * portableLog(r)) / r);
  };
}

function expectSameDraws(a: RandomSource, b: RandomSource, count: number): void {
  for (let i = 0; i < count; i++) {
    const x = a();
    const y = b();
    if (!Object.is(x, y)) expect.fail(`draw ${i}: ${x} vs ${y}`);
  }
}

describe('the saveable LCG', () => {
  it('draws bit for bit what d3-random’s randomLcg draws, for every stream of many seeds', () => {
    const seeds = [0, 1, 2, 3, 7, 2 ** 31 - 1, 2 ** 31, MAX_SEED - 1, MAX_SEED];
    for (const seed of seeds) {
      for (const stream of RANDOM_STREAMS) expectSameDraws(randomStream(seed, stream), d3Stream(streamState(seed, stream)), 20_000);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), fc.constantFrom(...RANDOM_STREAMS), (seed, stream) => {
        expectSameDraws(lcgStream(seed, stream).draw, d3Stream(streamState(seed, stream)), 2_000);
      }),
      { numRuns: 300 },
    );
  });

  it('matches randomLcg from any 32-bit state, the extremes included', () => {
    for (const state of [0, 1, 0x7fffffff, 0x80000000, 0xffffffff]) expectSameDraws(new Lcg(state).draw, d3Stream(state), 50_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), (state) => expectSameDraws(new Lcg(state).draw, d3Stream(state), 500)),
      { numRuns: 500 },
    );
  });

  it('shuffles exactly as d3-array’s shuffler drawing from it: the same order, and the same state after', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), fc.integer({ min: 0, max: 3_000 }), (state, length) => {
        const mine = new Lcg(state);
        const d3 = new Lcg(state);
        const identity = () => Uint32Array.from({ length }, (_, i) => i);
        expect(Array.from(mine.shuffle(identity()))).toEqual(Array.from(shuffler(d3.draw)(identity())));
        expect(mine.state).toBe(d3.state);
      }),
      { numRuns: 300 },
    );
  });

  it('goes on from a saved state exactly as the stream it was saved from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), fc.integer({ min: 0, max: 5_000 }), (seed, skip) => {
        const original = lcgStream(seed, 'order');
        for (let i = 0; i < skip; i++) original.draw();
        const saved = original.state;
        expect(Number.isInteger(saved) && saved >= 0 && saved <= MAX_SEED).toBe(true);
        const copy = lcgStream(seed + 1, 'data');
        copy.state = saved;
        expectSameDraws(copy.draw, original.draw, 1_000);
      }),
      { numRuns: 200 },
    );
  });

  it('reports the unsigned state it starts from', () => {
    expect(new Lcg(0xffffffff).state).toBe(0xffffffff);
    expect(lcgStream(5, 'restart').state).toBe(streamState(5, 'restart'));
  });
});

describe('saveable normal draws', () => {
  it('draw bit for bit what the closure before them drew', () => {
    for (const seed of [0, 1, 9, MAX_SEED]) {
      expectSameDraws(new NormalDraws(lcgStream(seed, 'data')).draw, closureNormal(d3Stream(streamState(seed, 'data'))), 30_000);
      expectSameDraws(normalFrom(lcgStream(seed, 'val'), 1, 2), closureNormal(d3Stream(streamState(seed, 'val')), 1, 2), 5_000);
    }
  });

  it('go on from a saved state exactly, with or without a spare draw pending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), fc.integer({ min: 0, max: 500 }), (seed, skip) => {
        const original = new NormalDraws(lcgStream(seed, 'data'), -1, 3);
        for (let i = 0; i < skip; i++) original.draw();
        const saved = original.save();
        // Odd counts leave the second value of a pair pending.
        expect(Number.isNaN(saved.spare)).toBe(skip % 2 === 0);
        const copy = new NormalDraws(lcgStream(seed ^ 1, 'data'), -1, 3);
        copy.draw();
        copy.restore(saved);
        expectSameDraws(copy.draw, original.draw, 200);
      }),
      { numRuns: 200 },
    );
  });

  it('refuse to save a source whose state they cannot see', () => {
    expect(() => new NormalDraws(randomStream(1, 'data')).save()).toThrow(/cannot be saved/);
  });
});
