import { stepsPerEpoch } from '../../core/schedule.ts';
import { atLeastTimes, epochLoss, finalLoss, meanLossOfLastEpochs, meanStepLengthOfLastEpochs, quantity } from './claims.ts';
import { linkRunSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { times } from './words.ts';

const link = '?lr=0.1&x=examples&speed=60&runs=b:1,base,b:100&q=batch-size';
const runs = linkRunSettings(link);
const [small, middle, big] = [0, 1, 2];
const sizes = runs.map((s) => s.b);
const steps = runs.map((s) => stepsPerEpoch(s.n, s.b, s.drop, s.k));
const { epochs } = runs[0];
const ahead = 3;
const behind = 2;
const floor = 1.2;
const lastEpochs = 5;
const jitter = 2;

const early = `after the first epoch b = ${sizes[middle]}’s loss is at least ${times(ahead)} b = ${sizes[small]}’s, and b = ${sizes[big]}’s at least ${times(ahead)} b = ${sizes[middle]}’s`;
const slow = `after ${epochs} epochs it is still at least ${times(behind)} as high as b = ${sizes[middle]}`;
const noiseFloor = `over the last ${lastEpochs} epochs its loss averages at least ${times(floor)} b = ${sizes[middle]}’s — a higher noise floor`;
const jitters = `in the weight space b = ${sizes[small]} keeps jittering around the minimum, moving at least ${times(jitter)} as far per step as b = ${sizes[middle]}`;
const lastLoss = (run: number) => quantity(run, `mean full loss over the last ${lastEpochs} epochs`, meanLossOfLastEpochs(lastEpochs));
const stepLength = (run: number) => quantity(run, `mean step length over the last ${lastEpochs} epochs`, meanStepLengthOfLastEpochs(lastEpochs));

export const batchSize: Question = {
  id: 'batch-size',
  title: 'Big batches or small?',
  explanation:
    `The three runs differ only in batch size — ${sizes.join(', ')} — with the same learning rate, so an epoch takes ${steps.join(', ')} steps. ` +
    `Per example seen (x: examples, the same work) small batches are far ahead at first: ${early}. ` +
    `The big batch takes one smooth step per epoch, so ${slow}. ` +
    `But b = ${sizes[small]} never settles: its single-example gradients keep the weights moving, and ${noiseFloor}; ${jitters}.`,
  link,
  claims: [
    atLeastTimes(early, quantity(middle, 'loss after epoch 1', epochLoss(1)), quantity(small, 'loss after epoch 1', epochLoss(1)), ahead),
    atLeastTimes(early, quantity(big, 'loss after epoch 1', epochLoss(1)), quantity(middle, 'loss after epoch 1', epochLoss(1)), ahead),
    atLeastTimes(slow, quantity(big, 'final loss', finalLoss), quantity(middle, 'final loss', finalLoss), behind),
    atLeastTimes(noiseFloor, lastLoss(small), lastLoss(middle), floor),
    atLeastTimes(jitters, stepLength(small), stepLength(middle), jitter, 'picture'),
  ],
};
