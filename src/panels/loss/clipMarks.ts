// Where a curve is beyond the y-axis: a mark on the edge it left by, in each
// stretch of the plot where it does, so a value off the axis is seen as off
// the axis, never mistaken for one on it. Pure, in data units.
import type { LineSeries } from './lossLayout.ts';
import { toAxisUnits, type XWindow } from './xWindow.ts';

export interface ClipMark {
  readonly color: string;
  /** Centre of the stretch, in data units. */
  readonly x: number;
  readonly edge: 'top' | 'bottom';
  /** Full-data loss marks are solid, mini-batch ones faint (as their curves are). */
  readonly line: 'full' | 'batch';
}

export interface ClipOptions {
  readonly plotWidth: number;
  /** Plot pixels per stretch: at most one mark per edge in each. */
  readonly spacing: number;
}

/** Values a log axis cannot place (0, negatives) are below it; +Infinity above; NaN is a gap, not a value. */
function edgeOf(v: number, domain: readonly [number, number]): 'top' | 'bottom' | null {
  if (v > domain[1]) return 'top';
  if (v < domain[0]) return 'bottom';
  return null;
}

/** Adds the marks of one drawn line to `out`. */
export function clipMarksOf(line: LineSeries, color: string, kind: ClipMark['line'], window: Pick<XWindow, 'domain' | 'log'>, yDomain: readonly [number, number], options: ClipOptions, out: ClipMark[]): void {
  const buckets = Math.max(1, Math.floor(options.plotWidth / options.spacing));
  const t0 = toAxisUnits(window, window.domain[0]);
  const t1 = toAxisUnits(window, window.domain[1]);
  const perUnit = buckets / (t1 - t0 || 1);
  const { x, y, length } = line.drawn;
  let lastTop = -1;
  let lastBottom = -1;
  for (let i = 0; i < length; i++) {
    const xi = x[i];
    if (!(xi >= window.domain[0] && xi <= window.domain[1])) continue;
    const edge = edgeOf(y[i], yDomain);
    if (edge === null) continue;
    const b = Math.min(buckets - 1, Math.floor((toAxisUnits(window, xi) - t0) * perUnit));
    if (edge === 'top' ? b === lastTop : b === lastBottom) continue;
    if (edge === 'top') lastTop = b;
    else lastBottom = b;
    const centre = t0 + (b + 0.5) / perUnit;
    out.push({ color, x: window.log ? Math.exp(centre) : centre, edge, line: kind });
  }
}

/** Whether clipMarksOf would add any mark for the line: the first row in the window beyond the y-axis answers, without placing marks. */
export function anyClipped(line: LineSeries, window: Pick<XWindow, 'domain'>, yDomain: readonly [number, number]): boolean {
  const { x, y, length } = line.drawn;
  for (let i = 0; i < length; i++) if (x[i] >= window.domain[0] && x[i] <= window.domain[1] && edgeOf(y[i], yDomain) !== null) return true;
  return false;
}
