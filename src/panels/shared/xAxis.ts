// Where a gradient step sits on the loss chart's shared x-axis. Runs with
// different batch sizes share one axis, so each run maps its own steps with
// its own schedule.
import type { Schedule } from '../../core/types.ts';
import type { XAxisMode } from '../../url/view.ts';

export type { XAxisMode };

/** What the x-axis counts, in the words the axis title uses. */
export const X_AXIS_LABELS: Readonly<Record<XAxisMode, string>> = {
  steps: 'gradient steps',
  epochs: 'epochs (passes over the data)',
  examples: 'examples seen',
};

/** The parts of a run's plan that the mapping needs. */
export interface StepPlan {
  readonly stepsPerEpoch: number;
  readonly examplesPerEpoch: number;
  /** Mini-batch size b. */
  readonly batchSize: number;
  /** Gradient steps per mini-batch (k). */
  readonly stepsPerBatch: number;
}

export function stepPlanOf(schedule: Schedule, settings: { readonly b: number; readonly k: number }): StepPlan {
  return {
    stepsPerEpoch: Math.max(1, schedule.stepsPerEpoch),
    examplesPerEpoch: schedule.examplesPerEpoch,
    batchSize: settings.b,
    stepsPerBatch: Math.max(1, settings.k),
  };
}

/**
 * Examples seen after `step` gradient steps: whole epochs count every example
 * the epoch uses; inside an epoch each started batch counts b examples (the k
 * steps on one batch see it once), capped at the epoch's size because the last
 * batch may be short.
 */
export function examplesSeen(step: number, plan: StepPlan): number {
  if (!(step > 0)) return 0;
  const fullEpochs = Math.floor(step / plan.stepsPerEpoch);
  const stepsInto = step - fullEpochs * plan.stepsPerEpoch;
  const batchesInto = Math.ceil(stepsInto / plan.stepsPerBatch);
  return fullEpochs * plan.examplesPerEpoch + Math.min(batchesInto * plan.batchSize, plan.examplesPerEpoch);
}

/** Epochs as a fraction: step / stepsPerEpoch, so the end of epoch e is exactly e. */
export function epochFraction(step: number, plan: StepPlan): number {
  return step / plan.stepsPerEpoch;
}

export function xOfStep(step: number, mode: XAxisMode, plan: StepPlan): number {
  switch (mode) {
    case 'steps':
      return step;
    case 'epochs':
      return epochFraction(step, plan);
    case 'examples':
      return examplesSeen(step, plan);
  }
}

/** Maps a column of steps (rows 0 … length-1) into `out`; returns `out`. */
export function mapSteps(steps: Float64Array, length: number, mode: XAxisMode, plan: StepPlan, out: Float64Array): Float64Array {
  for (let i = 0; i < length; i++) out[i] = xOfStep(steps[i], mode, plan);
  return out;
}

/** The smallest of 1, 2, 5, 10, 20, 50, … that keeps count/stride within maxCount. */
export function niceStride(count: number, maxCount: number): number {
  if (!(maxCount >= 1)) return Math.max(1, count);
  let stride = 1;
  for (let decade = 1; count / stride > maxCount; decade *= 10) {
    for (const m of [1, 2, 5]) {
      stride = m * decade;
      if (count / stride <= maxCount) break;
    }
  }
  return stride;
}

/**
 * The epochs whose ends get a rule and the x of each: every epoch from 1 to
 * `lastEpoch` whose end lies in `window` (all of them by default), or every
 * 2nd/5th/10th/… one when more than `maxCount` would turn the rules into a
 * grey wash. The ends are found by bisection, as x grows with the epoch, so
 * the cost is the rules returned, not the epochs run.
 */
export function epochBoundaries(lastEpoch: number, mode: XAxisMode, plan: StepPlan, maxCount = Infinity, window: readonly [number, number] = [-Infinity, Infinity]): { epoch: number; x: number }[] {
  const xOf = (e: number) => xOfStep(e * plan.stepsPerEpoch, mode, plan);
  const first = firstEpochWhere(lastEpoch, (e) => xOf(e) >= window[0]);
  const last = firstEpochWhere(lastEpoch, (e) => xOf(e) > window[1]) - 1;
  const out: { epoch: number; x: number }[] = [];
  if (last < first) return out;
  const stride = niceStride(last - first + 1, maxCount);
  for (let e = Math.ceil(first / stride) * stride; e <= last; e += stride) out.push({ epoch: e, x: xOf(e) });
  return out;
}

/** The first epoch in 1 … lastEpoch at which `past` (false, then true as epochs grow) holds; lastEpoch + 1 if none. */
function firstEpochWhere(lastEpoch: number, past: (epoch: number) => boolean): number {
  let lo = 1;
  let hi = lastEpoch + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
