import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomNormal } from 'd3-random';
import { portableLog } from '../../src/core/portableLog.ts';
import { normalFrom, randomStream } from '../../src/core/random.ts';

describe('portable logarithm', () => {
  it('agrees with Math.log to within a few units in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), (x) => {
        const want = Math.log(x);
        const got = portableLog(x);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 20_000 },
    );
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(-1)).toBeNaN();
  });

  it('keeps d3-random’s normal algorithm: the same draws up to the last bits of the log', () => {
    const ours = normalFrom(randomStream(9, 'data'), 1, 2);
    const d3 = randomNormal.source(randomStream(9, 'data'))(1, 2);
    for (let i = 0; i < 10_000; i++) {
      const a = ours();
      const b = d3();
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(b)));
    }
  });
});
