// The mean squared error of both models, as PyTorch's MSELoss(reduction='mean')
// computes it: loss = mean((ŷ − y)²), gradient = 2/B · Σ (ŷ − y)·∂ŷ/∂w.
//   linear: ŷ = w1·x1 + w2·x2
//   deep:   ŷ = w2·(w1·x1), a two-layer linear net with one hidden unit
import type { ModelKind } from './settings.ts';
import type { Dataset, SufficientStats } from './types.ts';

/**
 * Full-data loss in O(1) from the sufficient statistics:
 * linear wᵀAw − 2wᵀc + s; deep, with p = w1·w2, p²·xx11 − 2p·xy1 + yy.
 * The expansion cancels near a perfect fit, so it is accurate to about
 * 1e-16·yy in absolute terms; the tiny negative values cancellation can give
 * are shown as 0, as the loss cannot be negative. NaN and ∞ pass through so
 * divergence stays visible.
 */
export function fullLoss(stats: SufficientStats, model: ModelKind, w1: number, w2: number): number {
  if (model === 'deep') {
    const p = w1 * w2;
    return Math.max(0, p * (p * stats.xx11 - 2 * stats.xy1) + stats.yy);
  }
  const quadratic = w1 * (w1 * stats.xx11 + 2 * w2 * stats.xx12) + w2 * w2 * stats.xx22;
  return Math.max(0, quadratic - 2 * (w1 * stats.xy1 + w2 * stats.xy2) + stats.yy);
}

/** Gradient of the full-data loss, in O(1). */
export function fullGradient(stats: SufficientStats, model: ModelKind, w1: number, w2: number): [number, number] {
  if (model === 'deep') {
    const dp = 2 * (w1 * w2 * stats.xx11 - stats.xy1);
    return [dp * w2, dp * w1];
  }
  return [2 * (stats.xx11 * w1 + stats.xx12 * w2 - stats.xy1), 2 * (stats.xx12 * w1 + stats.xx22 * w2 - stats.xy2)];
}

/**
 * Mini-batch loss at (w1, w2) over the examples `indices` (repeats count
 * twice), with its gradient written to gradient[0], gradient[1]. Allocates
 * nothing. An empty batch has no loss: NaN, and a zero gradient.
 */
export function batchLossAndGradient(
  data: Dataset,
  model: ModelKind,
  w1: number,
  w2: number,
  indices: Uint32Array,
  gradient: Float64Array,
): number {
  return model === 'deep'
    ? deepBatch(data, w1, w2, indices, gradient)
    : linearBatch(data, w1, w2, indices, gradient);
}

/** An empty batch has no loss and moves nothing: NaN, and a zero gradient. */
function emptyBatch(gradient: Float64Array): number {
  gradient[0] = 0;
  gradient[1] = 0;
  return NaN;
}

/** Linear-model batch. The trainer's hot loop (sgdSteps.ts) writes the same arithmetic out inline. */
function linearBatch(data: Dataset, w1: number, w2: number, indices: Uint32Array, gradient: Float64Array): number {
  const { x1, x2, y } = data;
  let sum = 0;
  let g1 = 0;
  let g2 = 0;
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    const a = x1[j];
    const b = x2[j];
    const r = w1 * a + w2 * b - y[j];
    sum += r * r;
    g1 += r * a;
    g2 += r * b;
  }
  const count = indices.length;
  if (count <= 0) return emptyBatch(gradient);
  const scale = 2 / count;
  gradient[0] = scale * g1;
  gradient[1] = scale * g2;
  return sum / count;
}

/** Deep-model batch. The trainer's hot loop (sgdSteps.ts) writes the same arithmetic out inline. */
function deepBatch(data: Dataset, w1: number, w2: number, indices: Uint32Array, gradient: Float64Array): number {
  const { x1, y } = data;
  const p = w1 * w2;
  let sum = 0;
  let gp = 0;
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    const a = x1[j];
    const r = p * a - y[j];
    sum += r * r;
    gp += r * a;
  }
  const count = indices.length;
  if (count <= 0) return emptyBatch(gradient);
  const scale = 2 / count;
  gradient[0] = scale * gp * w2;
  gradient[1] = scale * gp * w1;
  return sum / count;
}
