import { describe, expect, it } from 'vitest';
import { smoothEma, smoothingSpacing } from '../../../src/panels/loss/smoothing.ts';

/** The textbook EMA with TensorBoard's debiasing, one row per step. */
function plainDebiasedEma(ys: number[], alpha: number): number[] {
  let average = 0;
  const out: number[] = [];
  ys.forEach((y, t) => {
    average = alpha * average + (1 - alpha) * y;
    out.push(average / (1 - Math.pow(alpha, t + 1)));
  });
  return out;
}

const noisy = [5, 3, 4, 1, 2, 0.5, 1.5, 0.2, 0.9, 0.1];
const steps = noisy.map((_, i) => i + 1);

describe('EMA smoothing', () => {
  it('equals the plain debiased EMA for evenly spaced rows', () => {
    const out = smoothEma(steps, noisy, noisy.length, 0.8, 1, new Float64Array(noisy.length));
    const expected = plainDebiasedEma(noisy, 0.8);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('starts at the first value instead of rising from zero', () => {
    const out = smoothEma(steps, noisy, noisy.length, 0.95, 1, new Float64Array(noisy.length));
    expect(out[0]).toBeCloseTo(5, 12);
  });

  it('leaves values unchanged at smoothing 0', () => {
    const out = smoothEma(steps, noisy, noisy.length, 0, 1, new Float64Array(noisy.length));
    expect(Array.from(out)).toEqual(noisy);
  });

  it('gives a thinned series the same value it gives the full series at the kept rows', () => {
    // A full run of 400 steps, and the same run with only every 7th row kept.
    const full = Array.from({ length: 400 }, (_, i) => 2 + Math.sin(i / 120));
    const fullSteps = full.map((_, i) => i + 1);
    const smoothFull = smoothEma(fullSteps, full, full.length, 0.9, 1, new Float64Array(full.length));
    const keep = fullSteps.filter((s) => s % 7 === 1);
    const thinned = keep.map((s) => full[s - 1]);
    const smoothThin = smoothEma(keep, thinned, keep.length, 0.9, 1, new Float64Array(keep.length));
    // Far from the start the skipped rows' decay is accounted for, so a slowly varying signal agrees closely.
    const last = keep.length - 1;
    expect(smoothThin[last]).toBeCloseTo(smoothFull[keep[last] - 1], 1);
    // Without the spacing correction the thinned curve would lag ~7× further behind.
    const naive = smoothEma(keep.map((_, i) => i), thinned, keep.length, 0.9, 1, new Float64Array(keep.length));
    expect(Math.abs(smoothThin[last] - smoothFull[keep[last] - 1])).toBeLessThan(Math.abs(naive[last] - smoothFull[keep[last] - 1]));
  });

  it('weighs a row after a long gap almost fully', () => {
    const out = smoothEma([1, 2, 1000], [10, 10, 1], 3, 0.9, 1, new Float64Array(3));
    expect(out[2]).toBeCloseTo(1, 6);
  });

  it('passes non-finite rows through without poisoning the rest', () => {
    const out = smoothEma([1, 2, 3, 4], [1, Infinity, NaN, 3], 4, 0.5, 1, new Float64Array(4));
    expect(out[1]).toBe(Infinity);
    expect(out[2]).toBeNaN();
    expect(Number.isFinite(out[3])).toBe(true);
    expect(out[3]).toBeGreaterThan(1);
    expect(out[3]).toBeLessThan(3);
  });

  it('measures spacing in steps for short runs and in thousandths of the run for long ones', () => {
    expect(smoothingSpacing(200)).toBe(1);
    expect(smoothingSpacing(1_000_000)).toBe(1000);
  });
});
