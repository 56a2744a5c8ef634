import { stepsPerEpoch } from '../../core/schedule.ts';
import { atLeastTimes, eachAtMost, equals, finalOverBest, meanEpochMove, quantity, stepsPerEpochOf } from './claims.ts';
import { runSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { percent, times } from './words.ts';

const link = '?b=100&lr=0.3&epochs=40&x=epochs&runs=base,b:10&q=full-batch';
const full = 0;
const mini = 1;
const { n, b, k, epochs } = runSettings(link, full);
const miniB = runSettings(link, mini).b;
const fullSteps = stepsPerEpoch(n, b, false, k);
const miniSteps = stepsPerEpoch(n, miniB, false, k);
const within = 0.0001;
const lastEpochs = 10;
const moves = 5;

const oneStep = `an epoch is ${fullSteps === 1 ? 'a single step' : `${fullSteps} steps`} of full gradient descent`;
const nothing = `by epoch ${epochs} the loss is within ${percent(within)} of the best possible`;
const keepsMoving = `over the last ${lastEpochs} epochs its epoch ends move at least ${times(moves)} as far as the full-batch ones`;

export const fullBatch: Question = {
  id: 'full-batch',
  title: 'With one batch of all the data, what does another epoch do?',
  explanation:
    `With b = n = ${n} ${oneStep}, and every epoch sees exactly the same gradient for the same weights. ` +
    `Once the weights reach the minimum the gradient is zero and further epochs change nothing: ${nothing}. ` +
    `The mini-batch run (b = ${miniB}, ${miniSteps} steps per epoch) at the same rate keeps moving, because one batch’s gradient is not zero at the minimum: ${keepsMoving}. ` +
    'Mini-batches and reshuffling exist so that each step is cheap, not to escape a minimum of this convex bowl.',
  link,
  claims: [
    equals(oneStep, quantity(full, 'steps per epoch', stepsPerEpochOf), fullSteps),
    eachAtMost(nothing, [quantity(full, 'final loss / best loss', finalOverBest)], 1 + within),
    atLeastTimes(
      keepsMoving,
      quantity(mini, `mean move between epoch ends from epoch ${epochs - lastEpochs + 1}`, meanEpochMove(epochs - lastEpochs + 1)),
      quantity(full, `mean move between epoch ends from epoch ${epochs - lastEpochs + 1}`, meanEpochMove(epochs - lastEpochs + 1)),
      moves,
    ),
  ],
};
