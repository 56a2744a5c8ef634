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
   * The validation loss where the step ends an epoch (the page has it only
   * there); NaN at other steps; null when the run has no validation set.
   */
  readonly valLoss: number | null;
  readonly x: number;
}

function epochEndValLoss(s: LossLayout['series'][number], step: number): number | null {
  const { val, length } = s.epochs;
  if (!val) return null;
  // Epoch e ends at step e · stepsPerEpoch; the run's own epoch record confirms it.
  const row = step / s.plan.stepsPerEpoch - 1;
  return Number.isInteger(row) && row >= 0 && row < length && s.run.epochs.step[row] === step ? val[row] : NaN;
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
      valLoss: epochEndValLoss(s, step),
      x: s.full.x[index],
    });
  }
  return out;
}
