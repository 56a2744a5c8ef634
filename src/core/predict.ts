// What the model outputs for one example. The charts draw the fit and colour
// residuals with it, so they show the model the engine trains, not a copy.
import type { ModelKind } from './settings.ts';

/**
 * linear ŷ = w1·x1 + w2·x2; deep ŷ = w2·(w1·x1), evaluated layer by layer as
 * the two-layer net does (x2 does not enter the deep model).
 */
export function predict(model: ModelKind, w1: number, w2: number, x1: number, x2: number): number {
  return model === 'deep' ? w2 * (w1 * x1) : w1 * x1 + w2 * x2;
}
