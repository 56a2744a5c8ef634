import { RANDOM_WEIGHT_RANGE } from '../../core/init.ts';
import { atLeastTimes, eachAtMost, epochLoss, finalLoss, finalOverBest, largestStepFrom, medianBoundaryMove, medianEpochLoss, quantity, same } from './claims.ts';
import { runSettings } from './linkSettings.ts';
import { nearestPoint, weightsAfter } from './prediction.ts';
import { stepsPerEpoch } from '../../core/schedule.ts';
import type { Question } from './types.ts';
import { percent, times } from './words.ts';

const link = '?init=random&x=epochs&speed=60&runs=base,restart:1&q=new-epoch';
const ordinary = 0;
const restarting = 1;
const ordinarySettings = runSettings(link, ordinary);
const { epochs } = ordinarySettings;
const firstStepOfEpoch2 = stepsPerEpoch(ordinarySettings.n, ordinarySettings.b, ordinarySettings.drop, ordinarySettings.k) + 1;
const r = RANDOM_WEIGHT_RANGE;
const within = 0.05;
const typical = 5;
const jump = 5;

const sameStart = 'Both runs start from the same random weights';
const converges = `by epoch ${epochs} its loss is within ${percent(within)} of the best possible`;
const neverBetter = `from epoch 2 on its typical (median) epoch-end loss is at least ${times(typical)} the ordinary run’s final loss`;
const jumps = 'the restarting one jumps at each epoch';

export const newEpoch: Question = {
  id: 'new-epoch',
  title: 'Does a new epoch start over?',
  explanation:
    `${sameStart} (init=random: w1 and w2 drawn uniformly from [−${r}, ${r}], as a network is randomly initialised) and see the same data. ` +
    `The ordinary run carries its weights from one epoch into the next, so its loss falls to the minimum: ${converges}. ` +
    `The other run does what the misconception says — every epoch restarts from new random weights drawn from the same [−${r}, ${r}]² — so it never gets past one epoch of training: ${neverBetter}. ` +
    `In the weight space the ordinary path is one unbroken line; ${jumps}.`,
  link,
  prediction: {
    prompt: 'Before you press Play: when epoch 2 begins, where will the ordinary run’s weights be?',
    choices: [
      { id: 'start', text: 'Back where epoch 1 began' },
      { id: 'end', text: 'Where epoch 1 ended' },
      { id: 'optimum', text: 'At the minimum of the loss' },
      { id: 'random', text: 'At new random weights' },
    ],
    run: ordinary,
    revealAfterStep: firstStepOfEpoch2,
    outcome: (runs) =>
      nearestPoint(
        firstStepOfEpoch2,
        [
          { choice: 'start', words: 'where epoch 1 began', at: (run) => weightsAfter(run, 0) },
          { choice: 'end', words: 'where epoch 1 ended', at: (run) => run.epochs[0].w },
          { choice: 'optimum', words: 'the minimum', at: (run) => run.optimum },
        ],
        'random',
        2,
      )(runs[ordinary]),
  },
  claims: [
    same(sameStart, quantity(restarting, 'loss after epoch 1', epochLoss(1)), quantity(ordinary, 'loss after epoch 1', epochLoss(1))),
    eachAtMost(converges, [quantity(ordinary, 'final loss / best loss', finalOverBest)], 1 + within),
    atLeastTimes(
      neverBetter,
      quantity(restarting, 'median epoch-end loss from epoch 2', medianEpochLoss(2)),
      quantity(ordinary, 'final loss', finalLoss),
      typical,
    ),
    atLeastTimes(
      jumps,
      quantity(restarting, 'median move from an epoch end to the next step', medianBoundaryMove(1)),
      quantity(ordinary, 'largest single step from epoch 2', largestStepFrom(2)),
      jump,
      'picture',
    ),
  ],
};
