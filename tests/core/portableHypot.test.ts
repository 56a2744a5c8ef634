import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { portableHypot } from '../../src/core/portableHypot.ts';

/** The spacing of doubles at x. */
function ulp(x: number): number {
  return x === 0 ? Number.MIN_VALUE : Math.max(Number.MIN_VALUE, 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52));
}

describe('portable hypot', () => {
  it('agrees with Math.hypot to within two units in the last place, across the whole range of doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const want = Math.hypot(a, b);
        const got = portableHypot(a, b);
        if (want === Infinity) expect(got).toBe(Infinity);
        // Within two ulps of the largest double, the next value up is Infinity: an answer that close may round there.
        else if (got === Infinity) expect(want).toBeGreaterThanOrEqual(Number.MAX_VALUE - 2 * ulp(Number.MAX_VALUE));
        else expect(Math.abs(got - want)).toBeLessThanOrEqual(2 * ulp(want));
      }),
      { numRuns: 20_000 },
    );
  });

  it('neither overflows nor underflows where the squares would', () => {
    expect(portableHypot(3e300, 4e300)).toBeCloseTo(5e300, -290);
    expect(portableHypot(3e-300, 4e-300) / 5e-300).toBeCloseTo(1, 14);
    expect(portableHypot(Number.MIN_VALUE, 0)).toBe(Number.MIN_VALUE);
    expect(portableHypot(Number.MAX_VALUE, 0)).toBe(Number.MAX_VALUE);
    // Found by the property above: the answer is the largest double to within an ulp, so Infinity is that ulp.
    const top = portableHypot(1.7976931348623141e308, -7.9e300);
    expect(top === Infinity || top >= Number.MAX_VALUE - 2 * ulp(Number.MAX_VALUE)).toBe(true);
  });

  it('is exact where the answer is, and follows Math.hypot at the edges', () => {
    expect(portableHypot(3, 4)).toBe(5);
    expect(portableHypot(-5, 12)).toBe(13);
    expect(portableHypot(0, -0)).toBe(0);
    expect(portableHypot(-2, 0)).toBe(2);
    expect(portableHypot(Infinity, NaN)).toBe(Infinity);
    expect(portableHypot(NaN, -Infinity)).toBe(Infinity);
    expect(portableHypot(NaN, 1)).toBeNaN();
  });
});
