// Where training starts. init=w0 starts at the given weights w0; init=random
// draws them from the seed, uniformly on [−R, R]², the same distribution a
// restart (restart=1) draws from, as a real network is randomly initialised.
// Every consumer that needs "the weights before step 1" asks startWeights, so
// the trainer, the reports, the charts and the PyTorch export agree.
import type { Settings } from './settings.ts';
import { randomStream, uniformFrom } from './random.ts';

/** Random starts (init=random) and restarts (restart=1) draw each weight uniformly from [−R, R]. */
export const RANDOM_WEIGHT_RANGE = 3;

/** The weights before the first step: w0, or with init=random the seed's draw from [−R, R]². */
export function startWeights(settings: Pick<Settings, 'init' | 'w0' | 'seed'>): readonly [number, number] {
  if (settings.init !== 'random') return settings.w0;
  const draw = uniformFrom(randomStream(settings.seed, 'init'), -RANDOM_WEIGHT_RANGE, RANDOM_WEIGHT_RANGE);
  const w1 = draw();
  return [w1, draw()];
}
