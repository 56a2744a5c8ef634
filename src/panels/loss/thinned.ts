// Whether the rows shown are every step or level-of-detail buckets (see
// worker/m4.ts). Buckets keep each one's first, lowest, highest and last
// row, which draws exactly the pixels of every step while a bucket is
// narrower than a pixel column; zoomed in further, the view is thinned and
// the chart says so.
import type { LineSeries } from './lossLayout.ts';
import { rowsIn, toAxisUnits, type XWindow } from './xWindow.ts';

/**
 * The most steps between two neighbouring rows of `line` inside the window
 * where those rows are a pixel column or more apart; 0 when the rows there
 * are every step (or too close for a gap to show).
 */
export function thinnedBucket(line: LineSeries, window: Pick<XWindow, 'domain' | 'log'>, plotWidth: number): number {
  const [from, to] = rowsIn(line.x, line.length, window.domain).drawn;
  const t0 = toAxisUnits(window, window.domain[0]);
  const pixelsPerUnit = plotWidth / (toAxisUnits(window, window.domain[1]) - t0 || 1);
  let widest = 0;
  for (let i = from + 1; i < to; i++) {
    const steps = line.step[i] - line.step[i - 1];
    if (steps <= 1 || steps <= widest) continue;
    // On a log axis the start row (x = 0) has no position; it is the edge.
    const a = line.x[i - 1] > 0 || !window.log ? toAxisUnits(window, line.x[i - 1]) : t0;
    if ((toAxisUnits(window, line.x[i]) - a) * pixelsPerUnit >= 1) widest = steps;
  }
  return widest;
}
