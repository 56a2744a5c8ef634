// Hover lookup: the row whose x is nearest to the pointer, by binary search,
// because a run can hold a hundred thousand rows and the pointer moves at 60 Hz.

/**
 * Index of the row in xs[0 … length-1] (non-decreasing) nearest to x; on a
 * tie, and among equal xs, the later row (it is the newer state). -1 when
 * there are no rows or x is NaN.
 */
export function nearestIndex(xs: ArrayLike<number>, length: number, x: number): number {
  if (length <= 0 || Number.isNaN(x)) return -1;
  // First index whose x is > target.
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  if (lo === 0) return 0;
  if (lo === length) return length - 1;
  const before = lo - 1;
  return x - xs[before] < xs[lo] - x ? before : lo;
}
