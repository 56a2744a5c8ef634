// Where the step the timeline looks at falls on the loss chart: a rule at
// the primary run's step in the chart's x units, or none when the step is
// outside the plot (zoomed elsewhere, or step 0 on a log axis).
import type { RunView } from '../../store/runTypes.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { stepPlanOf, xOfStep, type XAxisMode } from '../shared/xAxis.ts';

/** The rule's left edge in CSS pixels, or null when there is nothing to mark. */
export function timelineMarkX(frame: PlotFrame, run: RunView | undefined, step: number | null, mode: XAxisMode): number | null {
  if (!run || step === null) return null;
  const px = frame.fastX(xOfStep(step, mode, stepPlanOf(run.schedule, run.settings)));
  const [left, right] = [frame.margin.left, frame.width - frame.margin.right];
  return Number.isFinite(px) && px >= left - 0.5 && px <= right + 0.5 ? px : null;
}
