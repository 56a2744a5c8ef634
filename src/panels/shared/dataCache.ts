// The training set and its sufficient statistics, regenerated on the main
// thread from the settings that determine them (the worker keeps its own
// copy). Several panels ask for the same data every frame, so both are
// memoised: statistics are small, kept for many settings and computed while
// drawing the examples without keeping them (every compared run needs its
// loss surface); data sets can be 24 MB each, only the data panel's and the
// PyTorch script's need them, and only the last few are kept. A validation set
// is needed only for its statistics (its loss at the start), likewise.
import { fullLoss } from '../../core/loss.ts';
import { dataStats, generateData, type DataSettings } from '../../core/data.ts';
import { optimum } from '../../core/optimum.ts';
import { startWeights } from '../../core/init.ts';
import type { Dataset, Optimum, SufficientStats } from '../../core/types.ts';
import type { Settings } from '../../core/settings.ts';
import { validationSize, validationStats, type ValidationSettings } from '../../core/data.ts';

const MAX_DATASETS = 2;
const MAX_STATS = 32;

const datasets = new Map<string, Dataset>();
const statistics = new Map<string, { stats: SufficientStats; optimum: Optimum }>();
const validationStatistics = new Map<string, SufficientStats>();

/** The settings that determine the examples, as one string (two settings giving the same data give the same key). */
export function dataKey(s: DataSettings): string {
  return [s.n, s.data, s.rho, s.noise, s.seed, s.model].join('|');
}

function remember<V>(cache: Map<string, V>, key: string, max: number, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-insert so the map's order is least recently used first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = make();
  cache.set(key, value);
  while (cache.size > max) cache.delete(cache.keys().next().value as string);
  return value;
}

export function datasetFor(s: DataSettings): Dataset {
  return remember(datasets, dataKey(s), MAX_DATASETS, () => generateData(s));
}

/** Sufficient statistics and the optimum of the run's model on its data. */
export function statsFor(s: DataSettings): { stats: SufficientStats; optimum: Optimum } {
  return remember(statistics, dataKey(s), MAX_STATS, () => {
    const stats = dataStats(s);
    return { stats, optimum: optimum(stats, s.model) };
  });
}

/** The full-data loss at the run's initial weights. */
export function startLossFor(s: DataSettings & Pick<Settings, 'w0' | 'init'>): number {
  return fullLoss(statsFor(s).stats, s.model, ...startWeights(s));
}

/** The validation loss at the run's initial weights; NaN without a validation set. */
export function startValLossFor(s: ValidationSettings & Pick<Settings, 'w0' | 'init'>): number {
  if (validationSize(s) === 0) return NaN;
  const stats = remember(validationStatistics, `${dataKey(s)}|${s.val}`, MAX_STATS, () => validationStats(s));
  return fullLoss(stats, s.model, ...startWeights(s));
}
