// Sentences about the latest completed epoch: what it did to the weights and
// the loss, and which examples it used in which order.
import { epochLearningRate } from '../../core/trainer.ts';
import { stableLrApplies } from '../../core/curvature.ts';
import type { CaptionInput } from './captionInput.ts';
import { count, counted, indexList, num, pair } from './captionFormat.ts';
import type { EpochStory } from './epochStory.ts';
import { bestEarlierEpoch, lossDirection } from './epochStory.ts';

/** "10 steps of 10 examples (last batch 5)", or, with k > 1, "1,000 steps, 500 on each of its 2 batches of 50 examples". */
export function stepsPhrase(input: CaptionInput): string {
  const { b, k } = input.settings;
  const { stepsPerEpoch, batchesPerEpoch, lastBatchSize } = input.schedule;
  const last = lastBatchSize !== b ? ` (last batch ${count(lastBatchSize)})` : '';
  if (k === 1) return `${counted(stepsPerEpoch, 'step')} of ${counted(b, 'example')}${last}`;
  const batches = batchesPerEpoch === 1 ? `its single batch of ${counted(b, 'example')}` : `each of its ${count(batchesPerEpoch)} batches of ${counted(b, 'example')}${last}`;
  return `${counted(stepsPerEpoch, 'step')}, ${count(k)} on ${batches}`;
}

/**
 * Where the epoch began, as a phrase and an optional aside: "the initial
 * weights w = (…)", or "w = (…)" with "exactly where epoch 2 ended" (or
 * "not where …" when something else moved the weights).
 */
function startPhrase(story: EpochStory, startW: readonly [number, number], stress: boolean): [string, string | null] {
  if (story.epoch === 1 && story.continued) return [`the initial weights w = ${pair(startW)}`, null];
  if (story.continued) return [`w = ${pair(startW)}`, `${stress ? 'exactly ' : ''}where epoch ${count(story.epoch - 1)} ended`];
  const expected = story.previousEndW ? `where epoch ${count(story.epoch - 1)} ended ${pair(story.previousEndW)}` : `the initial weights`;
  return [`w = ${pair(startW)}`, `not ${expected}`];
}

/** " from w = (…), exactly where epoch 2 ended," ready to sit before " and …"; empty when the start is unknown. */
function fromClause(story: EpochStory, closing: string, stress = true): string {
  if (story.startW === null) return '';
  const [at, aside] = startPhrase(story, story.startW, stress);
  return aside === null ? ` from ${at}` : ` from ${at}, ${aside}${closing}`;
}

function lossIs(loss: number): string {
  return Number.isNaN(loss) ? 'that is not a number' : `of ${num(loss)}`;
}

/** "lowered the full loss from A to B", "raised …", "left the full loss at about B" or "ended with a full loss of B". */
function lossChange(from: number, to: number): string {
  switch (lossDirection(from, to)) {
    case 'down':
      return `lowered the full loss from ${num(from)} to ${num(to)}`;
    case 'up':
      return `raised the full loss from ${num(from)} to ${num(to)}`;
    case 'flat':
      return `left the full loss at about ${num(to)}`;
    case 'unknown':
      return `ended with a full loss ${lossIs(to)}`;
  }
}

function ordinaryLead(input: CaptionInput, story: EpochStory): string {
  return `Epoch ${count(story.epoch)} took ${stepsPhrase(input)}${fromClause(story, ',')} and ${lossChange(story.startLoss, story.endLoss)}.`;
}

function restartLead(story: EpochStory, input: CaptionInput): string {
  const at = story.startW ? ` w = ${pair(story.startW)}` : '';
  const previous = story.previousEndW ? ` (w = ${pair(story.previousEndW)})` : '';
  let versus = '';
  const best = bestEarlierEpoch(input, story.epoch);
  if (best && Number.isFinite(story.endLoss)) {
    versus = lossDirection(best.loss, story.endLoss) === 'down' ? ', better than after any earlier epoch' : `, no better than after epoch ${count(best.epoch)} (${num(best.loss)})`;
  }
  return (
    `Epoch ${count(story.epoch)} began at new random weights${at}, not where epoch ${count(story.epoch - 1)} ended${previous}; ` +
    `it ${lossChange(story.startLoss, story.endLoss)}${versus}.`
  );
}

function riseLead(input: CaptionInput, story: EpochStory): string {
  const from = fromClause(story, '', false);
  return `The full loss rose from ${num(story.startLoss)} to ${num(story.endLoss)} in epoch ${count(story.epoch)}, which took ${stepsPhrase(input)}${from}.`;
}

function repeatedStepsLead(input: CaptionInput, story: EpochStory): string {
  const { batchesPerEpoch, stepsPerEpoch, lastBatchSize } = input.schedule;
  const { b } = input.settings;
  const last = lastBatchSize !== b ? ` (last batch ${count(lastBatchSize)})` : '';
  const batches = batchesPerEpoch === 1 ? `its single batch of ${counted(b, 'example')}` : `its ${count(batchesPerEpoch)} batches of ${counted(b, 'example')}${last}`;
  return `Epoch ${count(story.epoch)} took ${counted(stepsPerEpoch, 'step')} on ${batches}${fromClause(story, '')}.`;
}

/** k > 1: where fitting each batch many times left the epoch's end. */
function repeatedStepsSentence(input: CaptionInput, story: EpochStory, withLoss: boolean): string {
  const head = `Each batch was fitted with ${count(input.settings.k)} steps, so epoch ${count(story.epoch)} ended at weights fitted to its last batch, w = ${pair(story.endW)}`;
  if (!withLoss) return `${head}.`;
  const [reference, label] = story.epoch === 1 ? [story.startLoss, 'at the start'] : [story.previousEndLoss, `after epoch ${count(story.epoch - 1)}`];
  const loss = `the full loss is ${num(story.endLoss)}`;
  switch (lossDirection(reference, story.endLoss)) {
    case 'down':
      return `${head}; ${loss}, down from ${num(reference)} ${label}.`;
    case 'up':
    case 'flat':
      return `${head}; ${loss}, no better than the ${num(reference)} ${label}.`;
    case 'unknown':
      return `${head}; ${loss}.`;
  }
}

/** " (with momentum 0.9)" when the stable rate depends on it. */
function withMomentum(input: CaptionInput): string {
  return input.settings.mom > 0 ? ` (with momentum ${num(input.settings.mom)})` : '';
}

/** Why a full loss can rise without diverging; null when there is nothing sure to say. */
function riseReason(input: CaptionInput, story: EpochStory): string | null {
  const stable = input.maxStableLr;
  // SGD's rate explains nothing sure about Adam's or RMSprop's steps.
  if (!Number.isFinite(stable) || !stableLrApplies(input.settings)) return null;
  const { n, b, shuffle, mom, model } = input.settings;
  const rate = `The learning rate ${num(epochLearningRate(input.settings, story.epoch - 1))}`;
  const limit = `the largest stable rate ${num(stable)}${withMomentum(input)}`;
  if (epochLearningRate(input.settings, story.epoch - 1) > stable) {
    return `${rate} is above ${limit} for this data, so the steps overshoot the minimum along its steepest direction.`;
  }
  if (b < n || shuffle === 'replacement') {
    return `${rate} is below ${limit}, but near the minimum the noise of batches of ${count(b)} can push the full loss up from one epoch to the next.`;
  }
  if (mom > 0) return `${rate} is below ${limit}, but momentum can carry the weights past the minimum and back.`;
  if (model === 'deep') return `${rate} is below ${limit} at the flattest minimum, but the loss can curve more steeply where the weights are.`;
  return null;
}

function orderHeadText(input: CaptionInput): string {
  const head = input.orderHead;
  if (head === null || head.length === 0 || !head.every((i) => Number.isInteger(i) && i >= 0)) return '';
  return ` (first: ${indexList(head, input.schedule.examplesPerEpoch > head.length)})`;
}

function replacementSentence(input: CaptionInput): string {
  const { n, b } = input.settings;
  const draws = input.schedule.examplesPerEpoch;
  const drawn = `${b === 1 ? '1 example was' : `${count(b)} examples were`} drawn with replacement for each step${orderHeadText(input)}`;
  if (n === 1) return `${drawn}; with a single example, every draw is #0.`;
  const given = input.distinctExamples;
  const distinct = given !== null && Number.isInteger(given) && given >= 1 && given <= Math.min(n, draws) ? given : null;
  if (distinct === null) return `${drawn}, so some examples were likely used more than once and others not at all.`;
  const tally = `(${count(distinct)} distinct of ${count(n)})`;
  if (distinct < draws && distinct < n) return `${drawn}, so some examples were used more than once and others not at all ${tally}.`;
  if (distinct < draws) return `${drawn}, so some examples were used more than once, though every example was drawn at least once.`;
  if (distinct < n) return `${drawn}; by chance no example was drawn twice, and ${counted(n - distinct, 'example')} not at all ${tally}.`;
  return `${drawn}; by chance every example was drawn exactly once.`;
}

/** Which examples the epoch used, and in which order. */
export function orderSentence(input: CaptionInput, epoch: number): string {
  const { n, b, drop, shuffle } = input.settings;
  if (shuffle === 'replacement') return replacementSentence(input);
  const left = drop ? n % b : 0;
  const used = left === 0 ? (n === 1 ? 'The only example was used once' : 'Every example was used once') : `All but ${count(left)} of the ${count(n)} examples were used once`;
  const head = orderHeadText(input);
  const lastFew = left === 1 ? `#${n - 1} is` : `#${n - left} to #${n - 1} are`;
  switch (shuffle) {
    case 'none':
      return `${used}, in the same order as every epoch${head}${left ? `; ${lastFew} never used` : ''}.`;
    case 'once': {
      const order = epoch === 1 ? 'in an order shuffled once before epoch 1' : 'in the same shuffled order as epoch 1';
      return `${used}, ${order}${head}${left ? `; the same ${left === 1 ? 'one is' : `${count(left)} are`} left out every epoch` : ''}.`;
    }
    case 'epoch':
      return `${used}, in a new order${head}${left ? `; a new random ${left === 1 ? 'one is' : `${count(left)} are`} left out each epoch` : ''}.`;
    case 'batches': {
      const order = epoch === 1 ? 'in fixed batches of consecutive examples, taken in a shuffled order' : 'in the same batches, taken in a new order';
      return `${used}, ${order}${head}${left ? `; ${lastFew} in no batch and never used` : ''}.`;
    }
  }
}

/** One or two sentences on the latest completed epoch. */
export function epochSentences(input: CaptionInput, story: EpochStory): string[] {
  const repeated = input.settings.k > 1;
  if (story.restarted) return [restartLead(story, input), repeated ? repeatedStepsSentence(input, story, false) : orderSentence(input, story.epoch)];
  if (lossDirection(story.startLoss, story.endLoss) === 'up') {
    const second = repeated ? repeatedStepsSentence(input, story, false) : (riseReason(input, story) ?? orderSentence(input, story.epoch));
    return [riseLead(input, story), second];
  }
  if (repeated) return [repeatedStepsLead(input, story), repeatedStepsSentence(input, story, true)];
  return [ordinaryLead(input, story), orderSentence(input, story.epoch)];
}

/** The epoch's lead sentence alone, for captions that need room for another. */
export function epochLead(input: CaptionInput, story: EpochStory): string {
  return epochSentences(input, story)[0];
}
