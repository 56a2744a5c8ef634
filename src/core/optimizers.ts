// The optimisers' constants and the layout of their state, defined once for
// the hot loop (sgdSteps.ts), the trainer, the PyTorch script and the page.
// The constants are PyTorch's defaults (torch/optim/adam.py, rmsprop.py), so
// `torch.optim.Adam(model.parameters(), lr=…)` with nothing else set is the
// optimiser the engine runs.
import type { OptimizerKind } from './settings.ts';

export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;
export const RMSPROP_ALPHA = 0.99;
export const RMSPROP_EPS = 1e-8;

/**
 * Below 2⁻⁵⁴, 1 − βᵗ rounds to exactly 1, so a βᵗ product that small is set
 * to 0: the update is bit for bit the same, and the product does not sink
 * into subnormal numbers, where it would stick at the smallest one (its
 * product with β rounds back to it) and make every step several times slower.
 */
export const NEGLIGIBLE_POWER = 2 ** -54;

/** The class name PyTorch gives each optimiser (torch.optim.<name>), and how the page names it. */
export const OPTIMIZER_CLASS: Readonly<Record<OptimizerKind, string>> = { sgd: 'SGD', adam: 'Adam', rmsprop: 'RMSprop' };

/** Whether the `mom` setting enters the optimiser's update (Adam's momentum is its beta1). */
export function usesMomentum(optimizer: OptimizerKind): boolean {
  return optimizer !== 'adam';
}

/**
 * The optimiser's whole state is one Float64Array, so a checkpoint saves and
 * restores it as one value whatever the optimiser. Slots, per weight w1, w2:
 *   0, 1  the first-moment buffer: SGD's and RMSprop's momentum buffer, Adam's exp_avg
 *   2, 3  the second moment: Adam's exp_avg_sq, RMSprop's square_avg
 *   4, 5  Adam only: β1ᵗ and β2ᵗ, kept as running products (pow is not exactly
 *         rounded, so it would differ between browsers); 1 before the first step
 */
export const OPTIMIZER_STATE_LENGTH: Readonly<Record<OptimizerKind, number>> = { sgd: 2, adam: 6, rmsprop: 4 };

/** The state before the first step (and after a restart, as PyTorch's optimizer.state.clear()). */
export function initialOptimizerState(optimizer: OptimizerKind): Float64Array {
  const state = new Float64Array(OPTIMIZER_STATE_LENGTH[optimizer]);
  if (optimizer === 'adam') state.fill(1, 4, 6);
  return state;
}

/** Resets a state in place to initialOptimizerState's values: a restart allocates nothing. */
export function resetOptimizerState(optimizer: OptimizerKind, state: Float64Array): void {
  state.fill(0);
  if (optimizer === 'adam') state.fill(1, 4, 6);
}
