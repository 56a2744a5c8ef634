import { atLeastTimes, eachAtMost, finalOverBest, meanEpochMove, quantity } from './claims.ts';
import { linkRunSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { countWord, percent, times } from './words.ts';

const link = '?epochs=60&x=epochs&speed=600&runs=shuffle:none,shuffle:once,base,shuffle:batches,shuffle:replacement&q=reshuffle';
const runs = linkRunSettings(link);
const at = (mode: string) => runs.findIndex((s) => s.shuffle === mode);
const { epochs } = runs[0];
const within = 0.15;
const lastEpochs = 10;
const wander = 5;
const from = epochs - lastEpochs + 1;

const sameLoss = `they all reach the same loss, each within ${percent(within)} of the best possible`;
const settle = `a fixed order (none, once) repeats the same epoch, so its epoch ends settle on one point, while a new order every epoch keeps them wandering, over the last ${lastEpochs} epochs at least ${times(wander)} as far per epoch`;
const move = (run: number) => quantity(run, `mean move between epoch ends from epoch ${from}`, meanEpochMove(from));

export const reshuffle: Question = {
  id: 'reshuffle',
  title: 'Do PyTorch and Keras reshuffle every epoch — and does it matter?',
  explanation:
    'PyTorch’s DataLoader(shuffle=True) and Keras’s fit(shuffle=True) draw a new order every epoch (shuffle=epoch here). ' +
    `The ${countWord(runs.length)} curves use the same data, start and step size and differ only in the order of examples. ` +
    `On this small convex problem ${sameLoss}. ` +
    `The differences are the wiggles of mini-batch noise, not a better or worse minimum: ${settle}.`,
  link,
  claims: [
    eachAtMost(
      sameLoss,
      runs.map((s, i) => quantity(i, `final loss / best loss (shuffle=${s.shuffle})`, finalOverBest)),
      1 + within,
    ),
    atLeastTimes(settle, move(at('epoch')), move(at('none')), wander),
    atLeastTimes(settle, move(at('epoch')), move(at('once')), wander),
    atLeastTimes(settle, move(at('batches')), move(at('none')), wander),
    atLeastTimes(settle, move(at('replacement')), move(at('none')), wander),
  ],
};
