// The data panel's arithmetic, kept apart from drawing: how far the data
// reach, how residuals map to colour bins, and the caption that names the
// current mini-batch. (What the model predicts comes from the core.)
import type { Schedule, ShuffleMode } from '../../core/index.ts';
import { formatCount } from '../shared/format.ts';

/**
 * [min, max] of the finite values among every `stride`-th entry and the
 * `extra` indices, padded by `pad` of the span; [-1, 1] when there are none.
 */
export function paddedExtent(values: ArrayLike<number>, stride: number, extra: ArrayLike<number>, pad = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number): void => {
    if (!Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (let i = 0; i < values.length; i += Math.max(1, stride)) take(values[i]);
  for (let j = 0; j < extra.length; j++) if (extra[j] < values.length) take(values[extra[j]]);
  if (!(lo <= hi)) return [-1, 1];
  const span = hi - lo || Math.abs(lo) || 1;
  return [lo - span * pad, hi + span * pad];
}

/**
 * A fixed colour range for residuals: the 95th percentile of |y| over the
 * drawn examples (the residuals of the untrained model w = 0). Colours fade
 * toward white as the model fits, instead of rescaling to stay saturated.
 */
export function residualRange(y: ArrayLike<number>, stride: number): number {
  const sample: number[] = [];
  for (let i = 0; i < y.length; i += Math.max(1, stride)) if (Number.isFinite(y[i])) sample.push(Math.abs(y[i]));
  if (sample.length === 0) return 1;
  sample.sort((a, b) => a - b);
  const q = sample[Math.min(sample.length - 1, Math.floor(0.95 * sample.length))];
  return q > 0 ? q : 1;
}

/** The colour bin (0 … bins−1, middle = 0) of a residual within ±range; NaN goes to the middle. */
export function residualBin(residual: number, range: number, bins: number): number {
  if (Number.isNaN(residual)) return (bins - 1) >> 1;
  const t = Math.max(-1, Math.min(1, residual / range));
  return Math.round(((t + 1) / 2) * (bins - 1));
}

export interface BatchState {
  readonly step: number;
  readonly batchInEpoch: number;
  readonly batchSize: number;
  /** How many batch indices are known (the store keeps at most 1,000). */
  readonly highlighted: number;
}

/** e.g. "batch 3 of 10 · 10 examples highlighted". */
export function batchCaption(state: BatchState, schedule: Pick<Schedule, 'batchesPerEpoch'>, shuffle: ShuffleMode): string {
  if (state.step <= 0) return 'Press play: the examples of each mini-batch are highlighted here.';
  const where = `batch ${formatCount(state.batchInEpoch)} of ${formatCount(schedule.batchesPerEpoch)}`;
  const what = shuffle === 'replacement' ? 'draws' : 'examples';
  const shown =
    state.highlighted < state.batchSize
      ? `the first ${formatCount(state.highlighted)} of ${formatCount(state.batchSize)} ${what} highlighted`
      : `${formatCount(state.batchSize)} ${state.batchSize === 1 ? what.replace(/s$/, '') : what} highlighted`;
  const repeats = shuffle === 'replacement' ? ' (with replacement: an example can appear twice)' : '';
  return `${where} · ${shown}${repeats}`;
}
