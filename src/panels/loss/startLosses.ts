// The losses at a run's start weights, drawn at step 0 of its curves: the
// page computes them from the settings (the worker's series begin at step 1).
import { startLossFor, startValLossFor } from '../shared/dataCache.ts';
import type { LossOptions } from './lossLayout.ts';

export const START_LOSSES: Required<Pick<LossOptions, 'initialLoss' | 'initialValLoss'>> = {
  initialLoss: (run) => startLossFor(run.settings),
  initialValLoss: (run) => startValLossFor(run.settings),
};
