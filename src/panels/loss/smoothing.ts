// Exponential moving average for loss curves, in units of the x-axis: a row
// Δx after the previous one decays the running average by
// smoothing^(Δx/unit), with one unit for every run on the chart, so runs of
// different lengths (b = 1 and b = 100 on an examples axis) are smoothed over
// the same stretch of the axis, and rows dropped by level-of-detail thinning
// do not change what the curve means.
import type { XAxisMode } from '../../url/view.ts';

/** One smoothing unit is this share of the planned x-span: the slider smooths a short run and a million-step run alike. */
export const SMOOTHING_UNITS = 500;

/**
 * Smooths ys[0 … length-1] (at positions xs, non-decreasing) into `out` and
 * returns it. `smoothing` in [0, 1): 0 leaves the values unchanged. Every row
 * weighs 1 when it arrives and its weight decays with distance along x, and
 * the average is divided by the weight accumulated so far (TensorBoard's
 * debiasing), so the curve starts at the first value instead of rising from
 * zero, and rows at the same x (k steps on one batch, on an examples axis)
 * are averaged rather than dropped. Non-finite values are passed through and
 * do not enter the average, so one overflowed row does not erase the rest.
 */
export function smoothEma(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
  smoothing: number,
  unit: number,
  out: Float64Array,
): Float64Array {
  const alpha = Number.isFinite(smoothing) ? Math.min(Math.max(smoothing, 0), 0.999999) : 0;
  const ref = unit > 0 && Number.isFinite(unit) ? unit : 1;
  let sum = 0;
  let weight = 0;
  let lastX = NaN;
  // Most neighbouring rows are the same distance apart: reuse the decay instead of calling pow per row.
  let lastGap = NaN;
  let lastDecay = 0;
  for (let i = 0; i < length; i++) {
    const y = ys[i];
    if (!Number.isFinite(y)) {
      out[i] = y;
      continue;
    }
    const x = xs[i];
    const gap = Number.isFinite(lastX) ? Math.max(0, x - lastX) / ref : Infinity;
    if (gap !== lastGap) {
      lastGap = gap;
      lastDecay = alpha === 0 ? 0 : Math.pow(alpha, gap);
    }
    sum = sum * lastDecay + y;
    weight = weight * lastDecay + 1;
    out[i] = sum / weight;
    lastX = x;
  }
  return out;
}

/** The x-distance one smoothing step stands for, on a chart whose runs are planned to span `span` x-units. */
export function smoothingUnit(span: number): number {
  return Number.isFinite(span) && span > 0 ? span / SMOOTHING_UNITS : 1;
}

/** The EMA's time constant in x-units: how far back a row's weight has fallen to 1/e. */
export function smoothingWindow(smoothing: number, unit: number): number {
  return smoothing > 0 && smoothing < 1 ? unit / -Math.log(smoothing) : 0;
}

// Two significant digits: the window is a rough width, not a measurement.
const windowFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
const UNIT_WORDS: Readonly<Record<XAxisMode, string>> = { steps: 'steps', epochs: 'epochs', examples: 'examples' };

/** What the smoothed curve averages over, in the x-axis's own words, e.g. "smoothed over 0.38 epochs". */
export function smoothingLabel(window: number, mode: XAxisMode): string {
  return `smoothed over ${windowFormat.format(window)} ${UNIT_WORDS[mode]}`;
}
