import { describe, expect, it } from 'vitest';
import { clampToDomain, emptyRange, fitLossDomain, includeValues, LINEAR_HEADROOM, MAX_LOG_RATIO } from '../../../src/panels/loss/lossDomain.ts';

function rangeOf(values: number[]) {
  return includeValues(emptyRange(), values, values.length);
}

describe('loss axis domain', () => {
  it('spans the positive values on a log axis, ignoring zeros and negatives', () => {
    const [lo, hi] = fitLossDomain(rangeOf([0, -1, 0.01, 3]), 'log');
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThanOrEqual(0.01);
    expect(lo).toBeGreaterThan(0.005);
    expect(hi).toBeGreaterThanOrEqual(3);
    expect(hi).toBeLessThan(4);
  });

  it('survives overflowed losses: Infinity and NaN are ignored, 1e16 is kept on a log axis', () => {
    const [lo, hi] = fitLossDomain(rangeOf([0.5, 1e16, Infinity, NaN]), 'log');
    expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
    expect(hi).toBeGreaterThanOrEqual(1e16);
    expect(hi / lo).toBeLessThanOrEqual(MAX_LOG_RATIO * 1.01 ** 2 * 10);
  });

  it('keeps the start on a log axis when a run blows up, so the axis shows where it began and how far it went (?lr=5)', () => {
    const [lo, hi] = fitLossDomain(rangeOf([8.38, 304, 2.3e5, 3e7, 2.8e10, 4.3e13, 1.19e16]), 'log', 8.38);
    expect(lo).toBeLessThanOrEqual(8.38);
    expect(hi).toBeGreaterThanOrEqual(1.19e16);
  });

  it('caps a linear axis near the starting loss so a diverging run does not flatten the others', () => {
    const [lo, hi] = fitLossDomain(rangeOf([2, 1, 0.1, 1e16]), 'linear', 2);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(2 * LINEAR_HEADROOM);
    expect(hi).toBeLessThan(2 * LINEAR_HEADROOM * 1.1);
  });

  it('returns a usable domain when there is nothing to show', () => {
    for (const mode of ['log', 'linear'] as const) {
      const [lo, hi] = fitLossDomain(emptyRange(), mode);
      expect(hi).toBeGreaterThan(lo);
      if (mode === 'log') expect(lo).toBeGreaterThan(0);
    }
    const [lo, hi] = fitLossDomain(rangeOf([0, 0]), 'log');
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThan(lo);
  });

  it('widens a flat series into a non-empty domain', () => {
    const [lo, hi] = fitLossDomain(rangeOf([0.25, 0.25]), 'log');
    expect(lo).toBeLessThan(0.25);
    expect(hi).toBeGreaterThan(0.25);
    const [llo, lhi] = fitLossDomain(rangeOf([0, 0]), 'linear');
    expect(lhi).toBeGreaterThan(llo);
  });

  it('clamps values onto the domain edges, keeping NaN as a gap', () => {
    const domain: [number, number] = [0.01, 10];
    expect(clampToDomain(Infinity, domain)).toBe(10);
    expect(clampToDomain(1e16, domain)).toBe(10);
    expect(clampToDomain(0, domain)).toBe(0.01);
    expect(clampToDomain(-3, domain)).toBe(0.01);
    expect(clampToDomain(2, domain)).toBe(2);
    expect(clampToDomain(NaN, domain)).toBeNaN();
  });
});
