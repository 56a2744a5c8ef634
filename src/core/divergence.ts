// When a run counts as diverged, and the sentence that tells the learner why
// it did: the rate above the stable limit, a curvier start, or a small batch.
import type { Settings } from './settings.ts';
import type { SufficientStats } from './types.ts';
import { maxStableLr, stableLrApplies } from './curvature.ts';
import { OPTIMIZER_CLASS } from './optimizers.ts';
import { approxNumber, formatCount } from './format.ts';
import { startWeights } from './init.ts';

/** Beyond these the run has left any meaningful scale: it is stopped as diverged. */
export const DIVERGED_ABS_WEIGHT = 1e8;
export const DIVERGED_LOSS = 1e16;

/** Where the run stood at the step that crossed a limit. */
export interface RunawayPoint {
  readonly step: number;
  /** 1-based epoch of that step. */
  readonly epoch: number;
  /** Learning rate of that epoch. */
  readonly lr: number;
  readonly w1: number;
  readonly w2: number;
  readonly loss: number;
}

/**
 * What went wrong and the likeliest reason. `stableLr` is the data set's
 * largest stable rate (largestStableLr), which the trainer has already computed.
 */
export function divergenceMessage(settings: Readonly<Settings>, stats: SufficientStats, stableLr: number, at: RunawayPoint): string {
  const { step, epoch, lr, w1, w2, loss } = at;
  const where = `Diverged at step ${formatCount(step)} (epoch ${formatCount(epoch)})`;
  let what: string;
  if (Number.isNaN(loss)) what = 'the loss is no longer a number';
  else if (loss === Infinity) what = 'the loss overflowed to infinity';
  else if (loss > DIVERGED_LOSS) what = `the loss reached ${approxNumber(loss)}`;
  else if (!(Math.abs(w1) <= DIVERGED_ABS_WEIGHT)) what = `the weight w1 reached ${approxNumber(w1)}`;
  else what = `the weight w2 reached ${approxNumber(w2)}`;
  const { mom, b, n, model } = settings;
  const w0 = startWeights(settings);
  const rate = approxNumber(lr);
  const stable = approxNumber(stableLr);
  if (!stableLrApplies(settings)) {
    // SGD's curvature limit says nothing sure about Adam's or RMSprop's steps: quote it as SGD's only.
    const name = OPTIMIZER_CLASS[settings.optimizer];
    return (
      `${where}: ${what}. The learning rate ${rate} was too large for ${name} on this data; try a smaller one ` +
      `(the largest stable rate ${stable} is plain SGD's and does not bound ${name}'s steps).`
    );
  }
  const withMomentum = mom > 0 ? ` (with momentum ${approxNumber(mom)})` : '';
  let why: string;
  if (lr > stableLr) {
    why = `The learning rate ${rate} is above the largest stable rate ${stable}${withMomentum} for this data.`;
  } else if (model === 'deep' && lr > maxStableLr(stats, model, w0[0], w0[1], mom)) {
    const atStart = approxNumber(maxStableLr(stats, model, w0[0], w0[1], mom));
    why =
      `The learning rate ${rate} is below the largest stable rate ${stable}${withMomentum} at the flattest minimum, ` +
      `but the loss curves more steeply at the starting weights, where the largest stable rate is ${atStart}.`;
  } else if (b < n) {
    why =
      `The learning rate ${rate} is below the largest stable full-batch rate ${stable}${withMomentum}, ` +
      `but a batch of ${b} can curve more steeply than the whole data set; try a smaller rate or a larger batch.`;
  } else {
    why = `The learning rate ${rate} is below the largest stable rate ${stable}${withMomentum}, but the weights left the region where that rate is stable.`;
  }
  return `${where}: ${what}. ${why}`;
}
