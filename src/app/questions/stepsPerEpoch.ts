import { batchesPerEpoch, lastBatchSize, stepsPerEpoch as scheduleSteps } from '../../core/schedule.ts';
import { atLeastTimes, equals, quantity, stepsPerEpochOf, stepsTakenInEpoch1 } from './claims.ts';
import { runSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { count } from './words.ts';

const link = '?n=10000&b=32&epochs=3&speed=600&runs=base,drop:1&q=steps-per-epoch';
const plain = 0;
const dropped = 1;
const { n, b, k } = runSettings(link, plain);
const { drop } = runSettings(link, dropped);
const steps = scheduleSteps(n, b, false, k);
const stepsDropped = scheduleSteps(n, b, drop, k);
const full = batchesPerEpoch(n, b, true);
const last = lastBatchSize(n, b, false);
const lastDropped = lastBatchSize(n, b, drop);

const plainSteps = `⌈${count(n)} / ${b}⌉ = ${steps} gradient steps`;
const droppedSteps = `the epoch is ⌊${count(n)} / ${b}⌋ = ${stepsDropped} steps`;
const lastBatch = `${full} batches of ${b} and a last batch of ${last}`;

/** Sizes of the last batch, read from the run's report. */
const lastBatchOf = (run: { lastBatchSize: number }) => run.lastBatchSize;

export const stepsPerEpoch: Question = {
  id: 'steps-per-epoch',
  title: `With N = ${count(n)} and B = ${b}, how many steps is an epoch?`,
  explanation:
    `An epoch is one pass over the data in mini-batches: ${plainSteps}, ${lastBatch}. ` +
    `With drop-last the ${last} leftover examples are skipped and ${droppedSteps}, every batch of ${lastDropped}. ` +
    'Watch the status line’s batch counter and the epoch rules on the loss chart.',
  link,
  claims: [
    equals(plainSteps, quantity(plain, 'steps taken in epoch 1', stepsTakenInEpoch1), steps),
    equals(droppedSteps, quantity(dropped, 'steps taken in epoch 1', stepsTakenInEpoch1), stepsDropped),
    equals(plainSteps, quantity(plain, 'steps per epoch', stepsPerEpochOf), steps),
    atLeastTimes(lastBatch, quantity(dropped, 'last batch size', lastBatchOf), quantity(plain, 'last batch size', lastBatchOf), lastDropped / last),
  ],
};
