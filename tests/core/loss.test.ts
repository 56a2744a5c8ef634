import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateData } from '../../src/core/data.ts';
import { sufficientStats } from '../../src/core/stats.ts';
import { batchLossAndGradient, fullGradient, fullLoss } from '../../src/core/loss.ts';
import { MODEL_KINDS } from '../../src/core/settings.ts';
import type { ModelKind } from '../../src/core/settings.ts';
import type { Dataset } from '../../src/core/types.ts';
import { relativeDifference, settingsWith } from './runs.ts';

/** The O(N) definition: mean squared error over the chosen examples. */
function directLoss(data: Dataset, model: ModelKind, w1: number, w2: number, indices: number[]): number {
  let sum = 0;
  for (const i of indices) {
    const prediction = model === 'deep' ? w2 * (w1 * data.x1[i]) : w1 * data.x1[i] + w2 * data.x2[i];
    sum += (prediction - data.y[i]) ** 2;
  }
  return sum / indices.length;
}

const allIndices = (n: number) => Array.from({ length: n }, (_, i) => i);

const weight = fc.double({ min: -10, max: 10, noNaN: true });
const dataCase = fc.record({
  n: fc.integer({ min: 1, max: 200 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  model: fc.constantFrom(...MODEL_KINDS),
  plane: fc.boolean(),
  rho: fc.double({ min: -0.99, max: 0.99, noNaN: true }),
  noise: fc.double({ min: 0, max: 3, noNaN: true }),
});

function dataFor(c: { n: number; seed: number; model: ModelKind; plane: boolean; rho: number; noise: number }): Dataset {
  return generateData(settingsWith({ ...c, data: c.plane && c.model === 'linear' ? 'plane' : 'line' }));
}

/** Central difference of f along each weight. */
function numericGradient(f: (w1: number, w2: number) => number, w1: number, w2: number): [number, number] {
  const h = 1e-5;
  return [(f(w1 + h, w2) - f(w1 - h, w2)) / (2 * h), (f(w1, w2 + h) - f(w1, w2 - h)) / (2 * h)];
}

describe('the full loss from sufficient statistics', () => {
  it('equals the direct O(N) mean squared error for both models', () => {
    fc.assert(
      fc.property(dataCase, weight, weight, (c, w1, w2) => {
        const data = dataFor(c);
        const direct = directLoss(data, c.model, w1, w2, allIndices(c.n));
        const fast = fullLoss(sufficientStats(data), c.model, w1, w2);
        // Cancellation in the expansion is bounded by the size of its terms.
        const scale = sufficientStats(data).yy + direct;
        expect(Math.abs(fast - direct)).toBeLessThanOrEqual(1e-9 * Math.max(direct, 1e-6 * scale));
      }),
    );
  });

  it('has the gradient finite differences measure', () => {
    fc.assert(
      fc.property(dataCase, weight, weight, (c, w1, w2) => {
        const stats = sufficientStats(dataFor(c));
        const [g1, g2] = fullGradient(stats, c.model, w1, w2);
        const [n1, n2] = numericGradient((a, b) => fullLoss(stats, c.model, a, b), w1, w2);
        const tolerance = 1e-6 * (1 + Math.abs(g1) + Math.abs(g2) + fullLoss(stats, c.model, w1, w2));
        expect(Math.abs(g1 - n1)).toBeLessThan(tolerance);
        expect(Math.abs(g2 - n2)).toBeLessThan(tolerance);
      }),
    );
  });
});

describe('the mini-batch loss and gradient', () => {
  it('are the mean over the batch, as PyTorch MSELoss(reduction="mean")', () => {
    // Two examples, both off by 1 at w = (1, 0): loss mean(1², 1²) = 1;
    // gradient 2/2·Σ r·x = (1·1 + 1·2, 1·1 + 1·1) = (3, 2).
    const data: Dataset = { n: 2, x1: Float64Array.of(1, 2), x2: Float64Array.of(1, 1), y: Float64Array.of(0, 1) };
    const gradient = new Float64Array(2);
    expect(batchLossAndGradient(data, 'linear', 1, 0, Uint32Array.of(0, 1), gradient)).toBe(1);
    expect(Array.from(gradient)).toEqual([3, 2]);
  });

  it('over every example equal the full loss and gradient', () => {
    fc.assert(
      fc.property(dataCase, weight, weight, (c, w1, w2) => {
        const data = dataFor(c);
        const stats = sufficientStats(data);
        const gradient = new Float64Array(2);
        const loss = batchLossAndGradient(data, c.model, w1, w2, Uint32Array.from(allIndices(c.n)), gradient);
        const full = fullLoss(stats, c.model, w1, w2);
        expect(Math.abs(loss - full)).toBeLessThanOrEqual(1e-9 * Math.max(loss, 1e-6 * (stats.yy + loss)));
        const [g1, g2] = fullGradient(stats, c.model, w1, w2);
        const scale = 1e-9 * (1 + Math.abs(g1) + Math.abs(g2) + loss);
        expect(Math.abs(gradient[0] - g1)).toBeLessThan(scale);
        expect(Math.abs(gradient[1] - g2)).toBeLessThan(scale);
      }),
    );
  });

  it('over a batch (repeats counting twice) match the direct mean and its finite differences', () => {
    fc.assert(
      fc.property(dataCase, weight, weight, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (c, w1, w2, picks) => {
        const data = dataFor(c);
        const indices = picks.map((p) => p % c.n);
        const gradient = new Float64Array(2);
        const loss = batchLossAndGradient(data, c.model, w1, w2, Uint32Array.from(indices), gradient);
        expect(relativeDifference(loss, directLoss(data, c.model, w1, w2, indices))).toBeLessThan(1e-12);
        const [n1, n2] = numericGradient((a, b) => directLoss(data, c.model, a, b, indices), w1, w2);
        const tolerance = 1e-6 * (1 + Math.abs(n1) + Math.abs(n2) + loss);
        expect(Math.abs(gradient[0] - n1)).toBeLessThan(tolerance);
        expect(Math.abs(gradient[1] - n2)).toBeLessThan(tolerance);
      }),
    );
  });

  it('of an empty batch is no number rather than a made-up 0', () => {
    const data = generateData(settingsWith({ n: 3 }));
    const gradient = Float64Array.of(7, 7);
    expect(batchLossAndGradient(data, 'linear', 1, 1, new Uint32Array(0), gradient)).toBeNaN();
    expect(Array.from(gradient)).toEqual([0, 0]);
  });
});
