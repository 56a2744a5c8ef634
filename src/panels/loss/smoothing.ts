// Exponential moving average for loss curves whose rows are unevenly spaced
// (long runs are thinned to level-of-detail buckets). A row Δ steps after the
// previous one decays the running average by smoothing^(Δ/refSpacing), so the
// curve means the same thing whether or not rows were dropped in between.

/**
 * Smooths ys[0 … length-1] (at positions xs, non-decreasing) into `out` and
 * returns it. `smoothing` in [0, 1): 0 leaves the values unchanged. The first
 * values are debiased as TensorBoard does (divide by the weight accumulated so
 * far), so the curve starts at the first value instead of rising from zero.
 * Non-finite values are passed through and do not enter the average, so one
 * overflowed row does not erase the rest of the curve.
 */
export function smoothEma(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
  smoothing: number,
  refSpacing: number,
  out: Float64Array,
): Float64Array {
  const alpha = Number.isFinite(smoothing) ? Math.min(Math.max(smoothing, 0), 0.999999) : 0;
  const ref = refSpacing > 0 && Number.isFinite(refSpacing) ? refSpacing : 1;
  let average = 0;
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
    // The first row, and rows after a gap of unknown length, start fresh decay from where they are.
    const gap = Number.isFinite(lastX) ? Math.max(0, x - lastX) / ref : 1;
    if (gap !== lastGap) {
      lastGap = gap;
      lastDecay = alpha === 0 ? 0 : Math.pow(alpha, gap);
    }
    const decay = lastDecay;
    average = average * decay + (1 - decay) * y;
    weight = weight * decay + (1 - decay);
    out[i] = weight > 0 ? average / weight : y;
    lastX = x;
  }
  return out;
}

/**
 * The spacing one smoothing step stands for, in gradient steps: one step for
 * runs short enough to keep every row, and a thousandth of the planned run for
 * longer ones, so the slider visibly smooths a million-step run too and its
 * meaning does not change while the run grows.
 */
export function smoothingSpacing(totalSteps: number): number {
  return Number.isFinite(totalSteps) && totalSteps > 1000 ? totalSteps / 1000 : 1;
}
