import { describe, expect, it } from 'vitest';
import { SMOOTHING_UNITS, smoothEma, smoothingLabel, smoothingUnit, smoothingWindow } from '../../../src/panels/loss/smoothing.ts';

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

  it('averages rows at the same x instead of dropping all but the first (k steps on one batch, on an examples axis)', () => {
    const out = smoothEma([10, 10, 10, 10], [4, 2, 2, 0], 4, 0.9, 1, new Float64Array(4));
    expect(out[3]).toBeCloseTo(2, 12);
  });

  it('smooths over the same stretch of x whatever the row spacing: a sparse run is not dragged behind', () => {
    // The same falling curve, sampled every 1 x-unit (b = 1) and every 100 (b = 100, on an examples axis).
    const curve = (x: number) => 8 * Math.exp(-x / 300);
    const dense = Array.from({ length: 2001 }, (_, i) => i);
    const sparse = Array.from({ length: 21 }, (_, i) => 100 * i);
    const unit = smoothingUnit(2000);
    const d = smoothEma(dense, dense.map(curve), dense.length, 0.9, unit, new Float64Array(dense.length));
    const s = smoothEma(sparse, sparse.map(curve), sparse.length, 0.9, unit, new Float64Array(sparse.length));
    // At x = 2000 both are near the curve itself and near each other; a per-row EMA would leave the sparse one far above.
    const off = (v: number) => Math.abs(v - curve(2000)) / curve(2000);
    expect(off(s[20])).toBeLessThan(0.2);
    expect(off(d[2000])).toBeLessThan(0.2);
    const perRow = smoothEma(sparse.map((_, i) => i), sparse.map(curve), sparse.length, 0.9, 1, new Float64Array(sparse.length));
    expect(perRow[20] / curve(2000)).toBeGreaterThan(2);
  });

  it('measures its unit as a share of the planned x-span and says what the curve is smoothed over', () => {
    expect(smoothingUnit(2000)).toBe(2000 / SMOOTHING_UNITS);
    expect(smoothingUnit(0)).toBe(1);
    expect(smoothingWindow(0.9, 1)).toBeCloseTo(1 / -Math.log(0.9), 12);
    expect(smoothingWindow(0, 1)).toBe(0);
    expect(smoothingLabel(0.3796, 'epochs')).toBe('smoothed over 0.38 epochs');
    expect(smoothingLabel(1897, 'examples')).toBe('smoothed over 1,900 examples');
  });
});
