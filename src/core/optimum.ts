// The best weights, from the normal equations, so runs can be measured
// against the answer and panels can mark it.
import type { ModelKind } from './settings.ts';
import type { Optimum, SufficientStats } from './types.ts';
import { fullLoss } from './loss.ts';
import { approxNumber } from './format.ts';
import { portableHypot } from './portableHypot.ts';

/** det(XᵀX) below this fraction of xx11·xx22 counts as singular (condition number ≳ 1e12). */
const SINGULAR_TOLERANCE = 1e-12;

export function optimum(stats: SufficientStats, model: ModelKind): Optimum {
  return model === 'deep' ? deepOptimum(stats) : linearOptimum(stats);
}

function linearOptimum(stats: SufficientStats): Optimum {
  const { xx11: a, xx12: b, xx22: c, xy1: r1, xy2: r2 } = stats;
  const det = a * c - b * b;
  if (det > SINGULAR_TOLERANCE * a * c) {
    const w: [number, number] = [(c * r1 - b * r2) / det, (a * r2 - b * r1) / det];
    return { status: 'unique', w, loss: fullLoss(stats, 'linear', w[0], w[1]) };
  }
  // XᵀX has rank one (or zero): A ≈ λ·u·uᵀ. The least-squares solutions form
  // a line; the one nearest the origin is u·(u·Xᵀy)/λ.
  const trace = a + c;
  let w: [number, number] = [0, 0];
  if (trace > 0) {
    const [u1, u2] = a >= c ? [a, b] : [b, c];
    const length = portableHypot(u1, u2);
    const along = ((u1 / length) * r1 + (u2 / length) * r2) / trace;
    w = [(u1 / length) * along, (u2 / length) * along];
  }
  return {
    status: 'singular',
    w,
    loss: fullLoss(stats, 'linear', w[0], w[1]),
    message:
      'XᵀX is singular: the examples do not pin down both weights (with line data, every x is the same, as with n = 1), ' +
      'so a whole line of weights fits equally well. Shown is the point of that line nearest the origin.',
  };
}

function deepOptimum(stats: SufficientStats): Optimum {
  const { xx11, xy1 } = stats;
  if (!(xx11 > 0)) {
    return {
      status: 'singular',
      w: [0, 0],
      loss: fullLoss(stats, 'deep', 0, 0),
      product: 0,
      message: 'Every x is 0, so the prediction is 0 whatever the weights: every weight pair fits equally well.',
    };
  }
  const product = xy1 / xx11;
  // Nearest the diagonal w1 = w2 ≥ 0: on it when product ≥ 0, otherwise the
  // balanced point (√|p|, −√|p|) of the other branch.
  const root = Math.sqrt(Math.abs(product));
  const w: [number, number] = [root, product >= 0 ? root : -root];
  return {
    status: 'unique',
    w,
    loss: fullLoss(stats, 'deep', w[0], w[1]),
    product,
    message: `Every point of the valley w1·w2 = ${approxNumber(product)} fits equally well; shown is the one nearest the diagonal.`,
  };
}
