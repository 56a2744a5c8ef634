import { atLeastTimes, eachAtMost, meanEpochMove, meanLossOfLastEpochsOverBest, offDiagonal, quantity } from './claims.ts';
import { linkRunSettings } from './linkSettings.ts';
import type { Question } from './types.ts';
import { percent, times } from './words.ts';

const link = '?epochs=40&model=deep&speed=60&runs=w0:2.5_2.5,w0:-2.5_-2,w0:0.3_-2.5,w0:2.5_-0.5,base&q=local-minima';
const runs = linkRunSettings(link);
const { epochs } = runs[0];
const at = (w1: number, w2: number) => runs.findIndex((s) => s.w0[0] === w1 && s.w0[1] === w2);
const within = 0.15;
const lastEpochs = 5;
const apart = 3;
const stillFrom = Math.floor(epochs / 2) + 1;
const still = 0.05;
const [offStart, nearStart] = [runs[at(2.5, -0.5)].w0, runs[at(-1.5, 2)].w0];
const pair = (w: readonly number[]) => `(${w[0]}, ${w[1]})`;

const sameLoss = `over the last ${lastEpochs} epochs each averages within ${percent(within)} of the best loss`;
const differentPoints = `the run from ${pair(offStart)} ends at least ${times(apart)} as far from the diagonal w1 = w2 as the run from ${pair(nearStart)}`;
const stays = 'each path flows steadily down into the valley and stays there';

export const localMinima: Question = {
  id: 'local-minima',
  title: 'Does each epoch find a different local minimum?',
  explanation:
    'This model is a two-layer linear net, ŷ = w2·(w1·x): its loss has a saddle at the origin and a curved valley of equally good minima where w1·w2 equals the best slope. ' +
    `Runs from different starting points all end at the same loss (${sameLoss}), but at different points of the valley: ${differentPoints}. ` +
    `No run jumps from minimum to minimum between epochs: ${stays}.`,
  link,
  claims: [
    eachAtMost(
      sameLoss,
      runs.map((s, i) => quantity(i, `mean loss over the last ${lastEpochs} epochs / best loss (w0 = ${pair(s.w0)})`, meanLossOfLastEpochsOverBest(lastEpochs))),
      1 + within,
    ),
    atLeastTimes(differentPoints, quantity(at(2.5, -0.5), '|w1 − w2| at the end', offDiagonal), quantity(at(-1.5, 2), '|w1 − w2| at the end', offDiagonal), apart),
    eachAtMost(
      stays,
      runs.map((s, i) => quantity(i, `mean move between epoch ends from epoch ${stillFrom} (w0 = ${pair(s.w0)})`, meanEpochMove(stillFrom))),
      still,
    ),
  ],
};
