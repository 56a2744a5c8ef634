import { atLeastTimes, eachAtMost, epochEndSpread, finalOverBest, meanLossOfLastEpochs, quantity } from './claims.ts';
import { runSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { percent, times } from './words.ts';

const link = '?b=5&shuffle=none&k=200&x=epochs&speed=max&runs=base,k:1,shuffle:epoch&q=fit-each-batch';
const fitted = 0;
const ordinary = 1;
const reshuffled = 2;
const { b, k } = runSettings(link, fitted);
const above = 1.2;
const within = 0.05;
const wander = 1.5;

const samePoint = 'the same point each time, and more epochs do not help';
const stays = `over the last epoch its full loss averages at least ${times(above)} what ordinary SGD (k = 1) settles at`;
const ordinaryConverges = `ordinary SGD ends within ${percent(within)} of the best possible loss`;
const jumps = 'each epoch ends at the fit of a different last batch, so the epoch ends jump around instead of settling';

export const fitEachBatch: Question = {
  id: 'fit-each-batch',
  title: 'What if I fit each batch to convergence before moving on?',
  explanation:
    `With k = ${k} steps on each batch of ${b} and no shuffling, each batch is fitted in turn and the next one undoes it, so every epoch ends at the weights that fit its last batch alone — ${samePoint}. ` +
    `Fitting one batch is not fitting the data: ${stays}, and ${ordinaryConverges}. ` +
    `With reshuffling, ${jumps}.`,
  link,
  claims: [
    eachAtMost(samePoint, [quantity(fitted, 'highest / lowest epoch-end loss from epoch 2', epochEndSpread(2))], 1.001),
    atLeastTimes(stays, quantity(fitted, 'mean full loss over the last epoch', meanLossOfLastEpochs(1)), quantity(ordinary, 'mean full loss over the last epoch', meanLossOfLastEpochs(1)), above),
    eachAtMost(ordinaryConverges, [quantity(ordinary, 'final loss / best loss', finalOverBest)], 1 + within),
    atLeastTimes(
      jumps,
      quantity(reshuffled, 'highest / lowest epoch-end loss from epoch 2', epochEndSpread(2)),
      quantity(fitted, 'highest / lowest epoch-end loss from epoch 2', epochEndSpread(2)),
      wander,
    ),
  ],
};
