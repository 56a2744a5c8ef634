import { stepsPerEpoch } from '../../core/schedule.ts';
import { validationSize } from '../../core/data.ts';
import { atLeastTimes, eachAtMost, epochRatio, quantity, worstEpochRatio } from './claims.ts';
import { linkRunSettings } from './linkSettings.ts';
import type { RunResult } from './runLink.ts';
import type { Question } from './types.ts';
import { count, percent, times } from './words.ts';

// A validation set of half n (500 examples): large enough that its loss is the
// training distribution's, so the gap in epoch 1 is the weights improving, not
// the validation set being easier. The full batch is the control: one step per
// epoch, so its printed loss barely lags.
const link = '?n=1000&epochs=10&val=0.5&x=epochs&speed=60&runs=base,b:1000&q=val-loss';
const runs = linkRunSettings(link);
const [mini, full] = [0, 1];
const { n, b } = runs[mini];
const steps = stepsPerEpoch(n, b, runs[mini].drop, runs[mini].k);
const above = 8;
const endGap = 0.2;
const lateGap = 0.3;
const lagsMore = 5;
const exact = 1e-9;

/** From epoch 2 on, the worst |printed loss / the loss at the epoch before's end − 1|: 0 when a loop prints the loss where each epoch began. */
function printedOffEpochStart(run: RunResult): number {
  const offs = run.epochs.slice(1).map((row, i) => Math.abs(row.meanBatchLoss / run.epochs[i].loss - 1));
  return offs.length ? Math.max(...offs) : NaN;
}

const printedAbove = `in epoch 1 its printed loss is at least ${times(above)} its val_loss`;
const sameWeights = `at every epoch’s end its training loss and val_loss are within ${percent(endGap)} of each other`;
const startLoss = 'its printed loss is the loss where the epoch began (from epoch 2 on, the epoch before’s end loss to within a billionth)';
const fullLags = `in epoch 1 the b = ${b} run’s printed loss over its val_loss is at least ${times(lagsMore)} the full-batch run’s`;
const late = `from epoch 2 on, the b = ${b} run’s printed loss is within ${percent(lateGap)} of its val_loss`;
const printedOverVal = (run: number, epoch: number) => quantity(run, `printed loss (mean batch loss) / val_loss in epoch ${epoch}`, epochRatio(epoch, 'meanBatchLoss', 'valLoss'));

export const valLoss: Question = {
  id: 'val-loss',
  title: 'Why is my training loss above val_loss?',
  explanation:
    `The loss Keras prints, like most training loops, is the mean of the epoch’s batch losses, each taken before its step while the weights were still improving; val_loss is measured once, at the epoch’s end, here on ${count(validationSize(runs[mini]))} held-out examples. ` +
    `The b = ${b} run improves a lot during its first epoch’s ${steps} steps, so ${printedAbove}; yet ${sameWeights}, because both are measured on the same weights and on data from the same distribution: the validation set is not easier. ` +
    `The full-batch run (b = ${count(runs[full].b)}) takes one step per epoch, so ${startLoss}, only one step behind val_loss: ${fullLags}. ` +
    `Once the weights stop improving the gap closes: ${late}.`,
  link,
  claims: [
    eachAtMost(printedAbove, [quantity(mini, 'val_loss / printed loss (mean batch loss) in epoch 1', epochRatio(1, 'valLoss', 'meanBatchLoss'))], 1 / above),
    eachAtMost(sameWeights, [quantity(mini, 'larger of loss/val_loss and val_loss/loss at the worst epoch end', worstEpochRatio(1, 'loss', 'valLoss'))], 1 + endGap),
    eachAtMost(startLoss, [quantity(full, 'worst |printed loss / loss at the epoch before’s end − 1| from epoch 2 on', printedOffEpochStart)], exact),
    atLeastTimes(fullLags, printedOverVal(mini, 1), printedOverVal(full, 1), lagsMore),
    eachAtMost(late, [quantity(mini, 'larger of printed/val_loss and val_loss/printed at the worst epoch from 2 on', worstEpochRatio(2, 'meanBatchLoss', 'valLoss'))], 1 + lateGap),
  ],
};
