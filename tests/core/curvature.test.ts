import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateData } from '../../src/core/data.ts';
import { sufficientStats } from '../../src/core/stats.ts';
import { fullLoss } from '../../src/core/loss.ts';
import { hessianEigenvalues, largestStableLr, maxStableLr } from '../../src/core/curvature.ts';
import { optimum } from '../../src/core/optimum.ts';
import { MODEL_KINDS } from '../../src/core/settings.ts';
import type { SufficientStats } from '../../src/core/types.ts';
import { settingsWith } from './runs.ts';

/** Eigenvalues of the Hessian measured by finite differences of the loss. */
function numericEigenvalues(f: (w1: number, w2: number) => number, w1: number, w2: number): [number, number] {
  const h = 1e-4;
  const h11 = (f(w1 + h, w2) - 2 * f(w1, w2) + f(w1 - h, w2)) / (h * h);
  const h22 = (f(w1, w2 + h) - 2 * f(w1, w2) + f(w1, w2 - h)) / (h * h);
  const h12 = (f(w1 + h, w2 + h) - f(w1 + h, w2 - h) - f(w1 - h, w2 + h) + f(w1 - h, w2 - h)) / (4 * h * h);
  const mean = (h11 + h22) / 2;
  const radius = Math.sqrt(((h11 - h22) / 2) ** 2 + h12 * h12);
  return [mean - radius, mean + radius];
}

describe('curvature of the full loss', () => {
  it('has the eigenvalues finite differences measure, for both models', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODEL_KINDS),
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (model, seed, w1, w2) => {
          const stats = sufficientStats(generateData(settingsWith({ model, seed, n: 50 })));
          const exact = hessianEigenvalues(stats, model, w1, w2);
          const measured = numericEigenvalues((a, b) => fullLoss(stats, model, a, b), w1, w2);
          const scale = 1e-4 * (1 + Math.abs(exact[0]) + Math.abs(exact[1]) + fullLoss(stats, model, w1, w2));
          expect(Math.abs(exact[0] - measured[0])).toBeLessThan(scale);
          expect(Math.abs(exact[1] - measured[1])).toBeLessThan(scale);
        },
      ),
    );
  });

  it('allows rates up to 2/λmax, widened by momentum to 2·(1 + mom)/λmax', () => {
    const stats = sufficientStats(generateData(settingsWith({})));
    const lambdaMax = hessianEigenvalues(stats, 'linear', 0, 0)[1];
    expect(maxStableLr(stats, 'linear', 5, -7)).toBeCloseTo(2 / lambdaMax, 12);
    expect(largestStableLr(stats, 'linear', 0.9)).toBeCloseTo((2 * 1.9) / lambdaMax, 12);
  });

  it('for the deep model quotes the flattest minimum, the balanced valley point', () => {
    const stats = sufficientStats(generateData(settingsWith({ model: 'deep' })));
    const [w1, w2] = optimum(stats, 'deep').w;
    const atBalanced = largestStableLr(stats, 'deep');
    expect(atBalanced).toBe(maxStableLr(stats, 'deep', w1, w2));
    // Unbalanced minima are sharper, so they allow less.
    expect(maxStableLr(stats, 'deep', w1 * 2, w2 / 2)).toBeLessThan(atBalanced);
  });

  it('is unbounded where nothing curves upward', () => {
    const flat: SufficientStats = { xx11: 1, xx12: 0, xx22: 1, xy1: 0, xy2: 0, yy: 0 };
    expect(hessianEigenvalues(flat, 'deep', 0, 0)).toEqual([0, 0]);
    expect(maxStableLr(flat, 'deep', 0, 0)).toBe(Infinity);
  });
});
