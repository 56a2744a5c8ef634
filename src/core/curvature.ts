// Curvature of the full loss and the learning rates it allows. Gradient
// descent on a quadratic is stable exactly when lr·λmax < 2 (with heavy-ball
// momentum m, when lr·λmax < 2·(1 + m)), so 2/λmax is the rate beyond which
// the bowl throws the weights out instead of down.
import type { ModelKind, Settings } from './settings.ts';
import type { SufficientStats } from './types.ts';
import { optimum } from './optimum.ts';
import { portableHypot } from './portableHypot.ts';

/** Eigenvalues [λmin, λmax] of the Hessian of the full loss at (w1, w2). */
export function hessianEigenvalues(stats: SufficientStats, model: ModelKind, w1: number, w2: number): [number, number] {
  let h11: number;
  let h12: number;
  let h22: number;
  if (model === 'deep') {
    // L(p) with p = w1·w2: ∂²L/∂w1² = 2·xx11·w2², ∂²L/∂w2² = 2·xx11·w1²,
    // ∂²L/∂w1∂w2 = 2·xx11·p + L'(p) = 4·xx11·p − 2·xy1.
    h11 = 2 * stats.xx11 * w2 * w2;
    h22 = 2 * stats.xx11 * w1 * w1;
    h12 = 4 * stats.xx11 * w1 * w2 - 2 * stats.xy1;
  } else {
    h11 = 2 * stats.xx11;
    h12 = 2 * stats.xx12;
    h22 = 2 * stats.xx22;
  }
  const mean = (h11 + h22) / 2;
  const radius = portableHypot((h11 - h22) / 2, h12);
  return [mean - radius, mean + radius];
}

/**
 * 2·(1 + mom)/λmax at (w1, w2): the largest rate at which a full-batch step
 * from there does not grow along the steepest direction. For the linear
 * model the Hessian is the same everywhere; for the deep model it depends on
 * the weights. Infinity when λmax ≤ 0 (no direction curves upward, e.g. all
 * x = 0): then no rate overshoots.
 */
export function maxStableLr(stats: SufficientStats, model: ModelKind, w1: number, w2: number, mom = 0): number {
  const lambdaMax = hessianEigenvalues(stats, model, w1, w2)[1];
  return lambdaMax > 0 ? (2 * (1 + mom)) / lambdaMax : Infinity;
}

/**
 * The largest stable rate of the data set, the number divergence messages
 * quote. Linear: the same everywhere. Deep: at the valley point nearest the
 * diagonal, the flattest minimum; above this rate no minimum is stable, so
 * training cannot settle anywhere.
 */
export function largestStableLr(stats: SufficientStats, model: ModelKind, mom = 0): number {
  const [w1, w2] = model === 'deep' ? optimum(stats, model).w : [0, 0];
  return maxStableLr(stats, model, w1, w2, mom);
}

/**
 * Whether the stable rate bounds the run's steps. It is a fact about gradient
 * descent (with heavy-ball momentum); Adam and RMSprop divide each step by a
 * running root mean square of the gradient, so it does not bound theirs, and
 * every place that quotes it labels it as SGD's.
 */
export function stableLrApplies(settings: Pick<Settings, 'optimizer'>): boolean {
  return settings.optimizer === 'sgd';
}

/**
 * The momentum of the SGD whose stable rate a run quotes: the run's own under
 * SGD; plain SGD's (0) under Adam and RMSprop, so the number does not follow a
 * momentum that does not act on SGD's steps.
 */
export function stableLrMomentum(settings: Pick<Settings, 'optimizer' | 'mom'>): number {
  return stableLrApplies(settings) ? settings.mom : 0;
}
