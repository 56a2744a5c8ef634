import { stepsPerEpoch } from '../../core/schedule.ts';
import {
  atLeastTimes,
  eachAtMost,
  equals,
  firstStepOffLr,
  largestStepFrom,
  meanStepLengthInEpoch,
  medianBoundaryMove,
  medianEpochFirstStepOverLr,
  over,
  quantity,
  same,
  stepsPerEpochOf,
  stepsTakenInEpoch1,
} from './claims.ts';
import { runSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { times } from './words.ts';

const link = '?x=epochs&speed=60&runs=base,optimizer:adam&q=adam-epoch';
const sgd = 0;
const adam = 1;
const { n, b, k, lr } = runSettings(link, adam);
const steps = stepsPerEpoch(n, b, false, k);
const longer = 2.5;
const exact = 1e-6;
const carried = 0.7;

const epochIs = `for Adam as for SGD an epoch is ⌈${n}/${b}⌉ = ${steps} steps`;
const ownSteps = `in epoch 1 SGD’s steps are on average at least ${times(longer)} as long as Adam’s`;
const unbroken = 'Adam’s path in weight space runs on unbroken through every epoch’s end';
const fresh = `its very first step moves each weight by lr = ${lr} to within a millionth, as a fresh Adam’s first step always does`;
const goesOn = `from epoch 2 on, the typical first step of an epoch moves no weight by more than ${carried}·lr`;

export const adamEpoch: Question = {
  id: 'adam-epoch',
  title: 'Does Adam change what an epoch is?',
  explanation:
    `Both runs see the same ${n} examples in batches of ${b}, so ${epochIs}: one pass over the data, whatever the update rule. ` +
    `Adam changes each step instead — it divides a running average of the gradient by the root of a running average of its square — so its steps have their own size and direction: ${ownSteps}. ` +
    `What an epoch hands to the next is also the same, and for Adam it is more than the weights: the running averages carry over too. ` +
    `Of Adam’s run, ${fresh}, but ${goesOn}, because each goes on from the averages of the steps before it instead of starting over.`,
  link,
  claims: [
    equals(epochIs, quantity(adam, 'steps taken in epoch 1', stepsTakenInEpoch1), steps),
    same(epochIs, quantity(adam, 'steps per epoch', stepsPerEpochOf), quantity(sgd, 'steps per epoch', stepsPerEpochOf)),
    atLeastTimes(ownSteps, quantity(sgd, 'mean step length in epoch 1', meanStepLengthInEpoch(1)), quantity(adam, 'mean step length in epoch 1', meanStepLengthInEpoch(1)), longer),
    eachAtMost(
      unbroken,
      [quantity(adam, 'median move from an epoch end to the next step / largest single step from epoch 2', over(medianBoundaryMove(1), largestStepFrom(2)))],
      1,
      'picture',
    ),
    eachAtMost(fresh, [quantity(adam, 'first step: larger |move/lr − 1|', firstStepOffLr)], exact),
    eachAtMost(goesOn, [quantity(adam, 'median larger move/lr in the first step of epochs 2 on', medianEpochFirstStepOverLr(2))], carried),
  ],
};
