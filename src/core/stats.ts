// Averages over the data set from which the full loss, its gradient and its
// curvature follow in O(1), whatever n is.
import type { Dataset, SufficientStats } from './types.ts';

/**
 * The sums behind the averages, added one example at a time in index order.
 * Both ways of getting the statistics — from stored examples (sufficientStats)
 * and while drawing them without storing (data.ts) — add through this, so they
 * agree bit for bit.
 */
export class StatsSums {
  private xx11 = 0;
  private xx12 = 0;
  private xx22 = 0;
  private xy1 = 0;
  private xy2 = 0;
  private yy = 0;

  add(a: number, b: number, t: number): void {
    this.xx11 += a * a;
    this.xx12 += a * b;
    this.xx22 += b * b;
    this.xy1 += a * t;
    this.xy2 += b * t;
    this.yy += t * t;
  }

  /** The averages over `n` examples. An empty data set has none: NaN says so instead of a made-up 0. */
  averages(n: number): SufficientStats {
    const inv = 1 / n;
    return { xx11: this.xx11 * inv, xx12: this.xx12 * inv, xx22: this.xx22 * inv, xy1: this.xy1 * inv, xy2: this.xy2 * inv, yy: this.yy * inv };
  }
}

export function sufficientStats(data: Dataset): SufficientStats {
  const { n, x1, x2, y } = data;
  const sums = new StatsSums();
  for (let i = 0; i < n; i++) sums.add(x1[i], x2[i], y[i]);
  return sums.averages(n);
}
