import { describe, expect, it } from 'vitest';
import { domainCovers, emptyBounds, fitEqualAspect, growDomain, heldView, HOLD_ROOM, HOLD_SHRINK, includePoint, roundToPixel } from '../../../src/panels/weights/weightDomain.ts';

describe('weight-space view fitting', () => {
  it('shows every point with a margin and the same units per pixel on both axes', () => {
    const b = emptyBounds();
    includePoint(b, -1.5, 2);
    includePoint(b, 1.5, -0.5);
    const d = fitEqualAspect(b, 560, 330, 0.1);
    expect(d.w1[0]).toBeLessThan(-1.5);
    expect(d.w1[1]).toBeGreaterThan(1.5);
    expect(d.w2[0]).toBeLessThan(-0.5);
    expect(d.w2[1]).toBeGreaterThan(2);
    expect((d.w1[1] - d.w1[0]) / 560).toBeCloseTo((d.w2[1] - d.w2[0]) / 330, 12);
  });

  it('centres the points', () => {
    const b = includePoint(includePoint(emptyBounds(), 0, 0), 4, 2);
    const d = fitEqualAspect(b, 100, 100);
    expect((d.w1[0] + d.w1[1]) / 2).toBeCloseTo(2, 12);
    expect((d.w2[0] + d.w2[1]) / 2).toBeCloseTo(1, 12);
  });

  it('ignores blown-up and non-finite weights so a diverged run does not shrink the bowl to a dot', () => {
    const b = includePoint(includePoint(emptyBounds(), 1, 1), -1, -1);
    includePoint(b, 1e200, -1e200);
    includePoint(b, NaN, 0);
    includePoint(b, Infinity, 0);
    const d = fitEqualAspect(b, 200, 200);
    expect(d.w1[1]).toBeLessThan(10);
  });

  it('gives a single point or nothing at all a sensible window', () => {
    const one = fitEqualAspect(includePoint(emptyBounds(), 3, 3), 100, 50, 0.1, 1);
    expect(one.w1[1] - one.w1[0]).toBeGreaterThan(1);
    expect(one.w2[0]).toBeLessThan(3);
    const none = fitEqualAspect(emptyBounds(), 0, 0);
    expect(none.w1[1]).toBeGreaterThan(none.w1[0]);
    expect(Number.isFinite(none.w2[0])).toBe(true);
  });

  it('tells whether a grown domain still covers the view', () => {
    const d = { w1: [0, 1] as const, w2: [0, 1] as const };
    const big = growDomain(d, 3);
    expect(big.w1).toEqual([-1, 2]);
    expect(domainCovers(big, d)).toBe(true);
    expect(domainCovers(d, big)).toBe(false);
  });
});

describe('picking weights by clicking', () => {
  it('rounds to what one pixel can resolve', () => {
    expect(roundToPixel(0.5213748, 0.01)).toBe(0.52);
    expect(roundToPixel(0.5213748, 0.004)).toBe(0.521);
    expect(roundToPixel(123.456, 2)).toBe(123);
    expect(roundToPixel(-0.001, 0.01)).toBe(0);
  });

  it('stays within a pixel of the click', () => {
    for (const upp of [0.3, 0.02, 1e-5]) for (const v of [-1.2345678, 3.3333333]) expect(Math.abs(roundToPixel(v, upp) - v)).toBeLessThanOrEqual(upp);
  });

  it('while runs train, holds the view shown until the fitted one leaves it or is much smaller, then gives it room; after, fits exactly', () => {
    const shown = { w1: [-2, 2], w2: [-1, 1] } as const;
    const inside = { w1: [-1.9, 1.8], w2: [-0.9, 0.95] } as const;
    const beyond = { w1: [-2.1, 2], w2: [-1, 1] } as const;
    const small = { w1: [-1, 1], w2: [-0.5, 0.5] } as const;
    expect(heldView(shown, inside, true)).toBe(shown);
    const grown = heldView(shown, beyond, true);
    expect(domainCovers(grown, beyond)).toBe(true);
    expect(grown.w1[1] - grown.w1[0]).toBeCloseTo(HOLD_ROOM * 4.1, 12);
    // A slightly larger fit next is held.
    expect(heldView(grown, { w1: [-2.12, 2.01], w2: [-1, 1] }, true)).toBe(grown);
    expect(HOLD_SHRINK * HOLD_ROOM).toBeLessThan(1);
    expect(heldView(shown, small, true)).toEqual(growDomain(small, HOLD_ROOM));
    expect(heldView(shown, inside, false)).toBe(inside);
  });
});
