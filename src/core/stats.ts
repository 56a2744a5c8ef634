// Averages over the data set from which the full loss, its gradient and its
// curvature follow in O(1), whatever n is.
import type { Dataset, SufficientStats } from './types.ts';

export function sufficientStats(data: Dataset): SufficientStats {
  const { n, x1, x2, y } = data;
  let xx11 = 0;
  let xx12 = 0;
  let xx22 = 0;
  let xy1 = 0;
  let xy2 = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const a = x1[i];
    const b = x2[i];
    const t = y[i];
    xx11 += a * a;
    xx12 += a * b;
    xx22 += b * b;
    xy1 += a * t;
    xy2 += b * t;
    yy += t * t;
  }
  // An empty data set has no averages; NaN says so instead of a made-up 0.
  const inv = 1 / n;
  return { xx11: xx11 * inv, xx12: xx12 * inv, xx22: xx22 * inv, xy1: xy1 * inv, xy2: xy2 * inv, yy: yy * inv };
}
