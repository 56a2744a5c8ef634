import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateData, TRUE_WEIGHTS } from '../../src/core/data.ts';
import { sufficientStats } from '../../src/core/stats.ts';
import { fullGradient, fullLoss } from '../../src/core/loss.ts';
import { optimum } from '../../src/core/optimum.ts';
import { hessianEigenvalues } from '../../src/core/curvature.ts';
import type { Settings } from '../../src/core/settings.ts';
import { relativeDifference, settingsWith } from './runs.ts';

const statsOf = (overrides: Partial<Settings>) => sufficientStats(generateData(settingsWith(overrides)));

describe('the optimum of the linear model', () => {
  it('recovers the true weights from noiseless data', () => {
    for (const data of ['line', 'plane'] as const) {
      const best = optimum(statsOf({ data, noise: 0, rho: 0.5 }), 'linear');
      expect(best.status).toBe('unique');
      expect(best.w[0]).toBeCloseTo(TRUE_WEIGHTS[0], 9);
      expect(best.w[1]).toBeCloseTo(TRUE_WEIGHTS[1], 9);
      expect(best.loss).toBeLessThan(1e-12);
    }
  });

  it('has zero gradient and no point nearby with lower loss', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 300 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('line' as const, 'plane' as const),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (n, seed, data, d1, d2) => {
          const stats = statsOf({ n, seed, data, rho: 0.3 });
          const best = optimum(stats, 'linear');
          expect(best.status).toBe('unique');
          const [g1, g2] = fullGradient(stats, 'linear', best.w[0], best.w[1]);
          expect(Math.hypot(g1, g2)).toBeLessThan(1e-9 * (1 + stats.yy));
          expect(fullLoss(stats, 'linear', best.w[0] + d1, best.w[1] + d2)).toBeGreaterThanOrEqual(best.loss - 1e-12);
        },
      ),
    );
  });

  it('says when one example cannot pin down slope and intercept, and picks the fit nearest the origin', () => {
    const data = generateData(settingsWith({ n: 1 }));
    const best = optimum(sufficientStats(data), 'linear');
    expect(best.status).toBe('singular');
    expect(best.message).toMatch(/singular/);
    // The single point is fitted exactly ...
    expect(Math.abs(best.w[0] * data.x1[0] + best.w[1] - data.y[0])).toBeLessThan(1e-12);
    // ... and moving along the line of equally good fits, (1, −x), only moves away from the origin.
    expect(Math.abs(best.w[0] - best.w[1] * data.x1[0])).toBeLessThan(1e-12);
  });
});

describe('the deep model ŷ = w2·(w1·x)', () => {
  const stats = statsOf({ model: 'deep', noise: 0.3 });
  const best = optimum(stats, 'deep');

  it('has a saddle at the origin: zero gradient, curving up one way and down the other', () => {
    const [g1, g2] = fullGradient(stats, 'deep', 0, 0);
    expect(g1 === 0 && g2 === 0).toBe(true);
    const [low, high] = hessianEigenvalues(stats, 'deep', 0, 0);
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
  });

  it('reports the best product and the valley point on the diagonal', () => {
    expect(best.product).toBeCloseTo(stats.xy1 / stats.xx11, 12);
    expect(best.product).toBeCloseTo(TRUE_WEIGHTS[0], 1);
    expect(best.w[0]).toBe(best.w[1]);
    expect(best.w[0] * best.w[1]).toBeCloseTo(best.product ?? NaN, 12);
  });

  it('has the same loss at every point of the valley, and none lower', () => {
    const product = best.product ?? NaN;
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.boolean(), (t, negative) => {
        const w1 = negative ? -t : t;
        const w2 = product / w1;
        expect(relativeDifference(fullLoss(stats, 'deep', w1, w2), best.loss)).toBeLessThan(1e-9);
        const [g1, g2] = fullGradient(stats, 'deep', w1, w2);
        expect(Math.hypot(g1, g2)).toBeLessThan(1e-9 * (1 + Math.abs(w1) + Math.abs(w2)));
        expect(fullLoss(stats, 'deep', w1 * 1.01, w2)).toBeGreaterThan(best.loss);
      }),
    );
  });

  it('puts a negative best product on the other branch, balanced', () => {
    const data = generateData(settingsWith({ model: 'deep' }));
    const flipped = sufficientStats({ ...data, y: data.y.map((v) => -v) });
    const other = optimum(flipped, 'deep');
    expect(other.product).toBeLessThan(0);
    expect(other.w[0]).toBeCloseTo(-other.w[1], 12);
    expect(other.w[0] * other.w[1]).toBeCloseTo(other.product ?? NaN, 12);
  });
});
