// The rows being read at one x of the loss chart, one per visible run.
import type { RunView } from '../../store/runTypes.ts';
import type { LossLayout } from './lossLayout.ts';
import { nearestIndex } from './nearest.ts';

export interface HoverRow {
  readonly run: RunView;
  /** Row index in the run's full-loss series. */
  readonly index: number;
  readonly step: number;
  /** Epochs as a fraction (step / steps per epoch). */
  readonly epoch: number;
  readonly loss: number;
  /** Loss of the step's mini-batch (NaN at the start). */
  readonly batchLoss: number;
  /**
   * The validation loss at the step (every row of the full-loss series
   * carries it: it is the loss on the held-out examples at that row's
   * weights); null when the run has no validation set.
   */
  readonly valLoss: number | null;
  readonly x: number;
}

function valLossAt(s: LossLayout['series'][number], index: number): number | null {
  if (!s.val) return null;
  // The start row is the val line's own start row (NaN if that is not known).
  if (index < s.fullOffset) return s.val.length > 0 && s.val.step[0] === 0 ? s.val.y[0] : NaN;
  return s.run.lossSeries.valLoss[index - s.fullOffset];
}

/** For each visible run, its full-loss row nearest to x (runs without rows are left out). */
export function hoverRows(layout: LossLayout, x: number): HoverRow[] {
  const out: HoverRow[] = [];
  for (const s of layout.series) {
    const index = nearestIndex(s.full.x, s.full.length, x);
    if (index < 0) continue;
    const before = index < s.fullOffset;
    const step = s.full.step[index];
    out.push({
      run: s.run,
      index,
      step,
      epoch: step / s.plan.stepsPerEpoch,
      loss: s.full.y[index],
      batchLoss: before ? NaN : s.run.lossSeries.batchLoss[index - s.fullOffset],
      valLoss: valLossAt(s, index),
      x: s.full.x[index],
    });
  }
  return out;
}
