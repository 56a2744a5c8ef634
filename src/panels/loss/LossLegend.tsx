// The loss chart's legend, drawn from the chart's own style numbers (legendEntries.ts).
import { LegendEntries } from '../shared/LegendSwatch.tsx';
import { CLIPPED_LABEL, lossLegendEntries } from './legendEntries.ts';
import { LOSS_STYLE, type LossStyle } from './style.ts';

export interface LossLegendProps {
  /** When smoothing is on, what it smooths over (e.g. "smoothed over 0.38 epochs"): the batch entry says so, and that the raw curve is the faint one. */
  readonly smoothing: string | null;
  /** Some curve is beyond the y-axis: the entry explains the marks on its edge. */
  readonly clipped?: boolean;
  readonly style?: LossStyle;
  /** Some run shown has a validation set: the entry for its val_loss marks. */
  readonly validation?: boolean;
}

/**
 * The entry for the edge marks keeps its room while no curve is beyond the
 * axis, unseen: a curve that leaves the axis mid-run (a mini-batch loss above
 * the full losses the axis fits, seconds after Play) would otherwise wrap the
 * legend onto another line and shift the chart under it, repainting every
 * panel below.
 */
export function LossLegend({ smoothing, clipped = false, style = LOSS_STYLE, validation = false }: LossLegendProps) {
  return <LegendEntries entries={lossLegendEntries(smoothing, true, style, validation)} unseen={clipped ? undefined : CLIPPED_LABEL} />;
}
