// Sentences for the moments around the epochs: before the first ends, when a
// run diverges, and when it finishes.
import { DIVERGED_ABS_WEIGHT, DIVERGED_LOSS } from '../../core/divergence.ts';
import { epochLearningRate } from '../../core/trainer.ts';
import { RANDOM_WEIGHT_RANGE, startWeights } from '../../core/init.ts';
import { portableHypot } from '../../core/portableHypot.ts';
import { stableLrApplies } from '../../core/curvature.ts';
import { OPTIMIZER_CLASS } from '../../core/optimizers.ts';
import type { CaptionInput } from './captionInput.ts';
import { count, counted, num, pair, twoDigits } from './captionFormat.ts';
import { completedEpochs, latestEpoch } from './epochStory.ts';
import { epochLead, stepsPhrase } from './epochSentences.ts';

/** Below this relative excess over the best loss, a run has reached a minimum as far as a caption can tell. */
const REACHED_RELATIVE_EXCESS = 0.01;
/** Best losses smaller than this (noise-free data) are compared in absolute terms: a percentage of ~0 means nothing. */
const TINY_LOSS = 1e-9;

function momentumNote(input: CaptionInput): string {
  return input.settings.mom > 0 ? ` (with momentum ${num(input.settings.mom)})` : '';
}

/** Before the first epoch ends. */
export function startSentences(input: CaptionInput): string[] {
  const w0 = startWeights(input.settings);
  const where = Number.isFinite(input.initialLoss) ? `, where the full loss is ${num(input.initialLoss)}` : '';
  const drawn = input.settings.init === 'random' ? ` (drawn at random, uniformly on [−${RANDOM_WEIGHT_RANGE}, ${RANDOM_WEIGHT_RANGE}]², from the seed)` : '';
  const plan = `${stepsPhrase(input)} from the initial weights w = ${pair(w0)}${drawn}${where}`;
  const started = input.status !== 'idle' && !(input.status === 'paused' && input.now.step === 0);
  const lead = started ? `Epoch 1 is under way: it takes ${plan}.` : `Training has not started; epoch 1 will take ${plan}.`;
  const lr = epochLearningRate(input.settings, 0);
  // The rate is SGD's: it predicts nothing about Adam's or RMSprop's steps.
  if (!stableLrApplies(input.settings) || !(lr > input.maxStableLr)) return [lead];
  return [lead, `The learning rate ${num(lr)} is above the largest stable rate ${num(input.maxStableLr)}${momentumNote(input)} for this data, so expect the loss to blow up.`];
}

/** What left the meaningful range, in the terms the engine uses to stop a run. */
function whatDiverged(now: CaptionInput['now']): string | null {
  if (Number.isNaN(now.loss)) return 'the full loss is no longer a number';
  if (now.loss === Infinity) return 'the full loss overflowed to infinity';
  if (now.loss > DIVERGED_LOSS) return `the full loss reached ${num(now.loss)}`;
  if (!(Math.abs(now.w1) <= DIVERGED_ABS_WEIGHT)) return `the weight w1 reached ${num(now.w1)}`;
  if (!(Math.abs(now.w2) <= DIVERGED_ABS_WEIGHT)) return `the weight w2 reached ${num(now.w2)}`;
  return null;
}

/** Why the rate in force was too much, against the largest stable rate. */
function divergenceReason(input: CaptionInput, lr: number): string | null {
  const stable = input.maxStableLr;
  if (!Number.isFinite(stable)) return null;
  const { n, b, shuffle, model } = input.settings;
  const rate = `The learning rate ${num(lr)}`;
  if (!stableLrApplies(input.settings)) {
    const name = OPTIMIZER_CLASS[input.settings.optimizer];
    return `${rate} was too large for ${name} on this data (the largest stable rate ${num(stable)} is plain SGD's and does not bound ${name}'s steps).`;
  }
  const limit = `the largest stable rate ${num(stable)}${momentumNote(input)}`;
  if (lr > stable) return `${rate} is above ${limit} for this data, so every step overshot the minimum further than the one before.`;
  if (model === 'deep') return `${rate} is below ${limit} at the flattest minimum, but the loss curves more steeply away from it.`;
  if (b < n || shuffle === 'replacement') {
    return `${rate} is below ${limit} for the full data, but a batch of ${count(b)} can curve more steeply than the whole data set; try a smaller rate or a larger batch.`;
  }
  return `${rate} is below ${limit}, but the weights left the region where that rate is stable.`;
}

export function divergenceSentences(input: CaptionInput): string[] {
  const epoch = completedEpochs(input) + 1;
  const at = Number.isInteger(input.now.step) && input.now.step > 0 ? ` at step ${count(input.now.step)}` : '';
  const what = whatDiverged(input.now);
  const lead = `The run diverged${at} in epoch ${count(epoch)}${what ? `: ${what}` : ''}.`;
  const reason = divergenceReason(input, epochLearningRate(input.settings, epoch - 1));
  return reason ? [lead, reason] : [lead];
}

/** "the full loss 0.0912 is 0.33% above the best possible 0.0909", or "… matches …". */
function lossVersusBest(loss: number, best: number): string {
  if (!Number.isFinite(loss) || !Number.isFinite(best)) return `the full loss is ${num(loss)}; the best possible is ${num(best)}`;
  const excess = loss - best;
  if (best >= TINY_LOSS) {
    const relative = (100 * excess) / best;
    if (relative < 0.01) return `the full loss ${num(loss)} matches the best possible ${num(best)}`;
    if (relative >= 100) return `the full loss ${num(loss)} is ${twoDigits(loss / best)} times the best possible ${num(best)}`;
    return `the full loss ${num(loss)} is ${twoDigits(relative)}% above the best possible ${num(best)}`;
  }
  if (num(excess) === '0' || excess < 0) return `the full loss ${num(loss)} matches the best possible ${num(best)}`;
  return `the full loss ${num(loss)} is ${num(excess)} above the best possible ${num(best)}`;
}

function reachedBest(loss: number, best: number): boolean {
  if (!Number.isFinite(loss) || !Number.isFinite(best)) return false;
  return best >= TINY_LOSS ? loss - best <= REACHED_RELATIVE_EXCESS * best : loss - best <= TINY_LOSS;
}

/** At the end of the run: how close it came to the best weights, then the last epoch or the valley. */
export function endSentences(input: CaptionInput): string[] {
  const story = latestEpoch(input);
  const best = input.optimum;
  const after = `After ${counted(story.epoch, 'epoch')} (${counted(story.step, 'step')}) w = ${pair(story.endW)}`;
  const lastEpoch = epochLead(input, story);
  if (best === null) return [`${after}, with a full loss of ${num(story.endLoss)}.`, lastEpoch];
  const versus = lossVersusBest(story.endLoss, best.loss);
  const product = best.product;
  if (input.settings.model === 'deep' && product !== undefined && Number.isFinite(product)) {
    const reached = story.endW[0] * story.endW[1];
    const lead = `${after} has w1·w2 = ${num(reached)}, ${num(Math.abs(reached - product))} from the valley w1·w2 = ${num(product)}; ${versus}.`;
    const valley = reachedBest(story.endLoss, best.loss)
      ? 'Every point of that valley fits the data equally well, so this is one of many equally good minima, not a single best one.'
      : 'Every point of that valley fits the data equally well: there is no single best w, only many equally good minima, and the run has not reached one yet.';
    return [lead, valley];
  }
  if (!best.unique) return [`${after}; ${versus}, which a whole line of weights reaches.`, lastEpoch];
  const distance = portableHypot(story.endW[0] - best.w[0], story.endW[1] - best.w[1]);
  return [`${after} is ${num(distance)} from the optimum w* = ${pair(best.w)}; ${versus}.`, lastEpoch];
}
