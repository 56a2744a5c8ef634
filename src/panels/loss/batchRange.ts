// The mini-batch losses that place the loss chart's y-axis, computed every
// frame from a running series, so without copying it.
import { includeValue, includeValues, type ValueRange, type YScaleMode } from './lossDomain.ts';
import type { Buffers } from './buffers.ts';

/**
 * Single-example batch losses can come arbitrarily close to 0; on a log axis
 * the rare near-zero one would stretch the axis over many empty decades. Its
 * lowest 2 % are therefore left out of the fit (and drawn on the bottom edge).
 */
export const BATCH_LOW_QUANTILE = 0.02;

/** The quantile is estimated from at most this many evenly spaced rows: it only places the axis, and this runs every frame. */
const QUANTILE_SAMPLE = 2048;

/** The p-quantile of ascending values, interpolated as d3-array and R (type 7) do; 0 when there are none. */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  if (p <= 0 || n < 2) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const i = (n - 1) * p;
  const i0 = Math.floor(i);
  return sorted[i0] + (sorted[i0 + 1] - sorted[i0]) * (i - i0);
}

export function includeBatchValues(buffers: Buffers, range: ValueRange, values: Float64Array, length: number, mode: YScaleMode): void {
  if (mode !== 'log' || length < 50) {
    includeValues(range, values, length);
    return;
  }
  const stride = Math.max(1, Math.ceil(length / QUANTILE_SAMPLE));
  const sample = buffers.get('batch.quantileSample', Math.ceil(length / stride));
  let count = 0;
  for (let i = 0; i < length; i += stride) {
    const v = values[i];
    if (v > 0 && v < Infinity) sample[count++] = v;
  }
  // Sorted in place in a reused buffer: d3's quantile would copy the sample every frame.
  const low = sortedQuantile(sample.subarray(0, count).sort(), BATCH_LOW_QUANTILE);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (!(v > 0 && v < Infinity) || v >= low) includeValue(range, v);
  }
}
