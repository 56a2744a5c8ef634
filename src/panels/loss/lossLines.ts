// One curve of the loss chart in data units: a run's rows of one series
// mapped onto the shared x-axis (with the start row, step 0, in front when it
// is known), smoothed if asked, and the part of it a window draws.
import { mapSteps, type StepPlan, type XAxisMode } from '../shared/xAxis.ts';
import type { Buffers } from './buffers.ts';
import { smoothEma } from './smoothing.ts';

export interface LineSeries {
  readonly length: number;
  /** Gradient step of each row (0 for the start row). */
  readonly step: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The smoothed y, or null when smoothing is off (the full and validation losses are never smoothed). */
  readonly smooth: Float64Array | null;
  /** What to draw for y: the rows in the x-window (and one beyond each side), thinned (M4) to a few per pixel when there are many. */
  readonly drawn: DrawnLine;
  /** The same for the smoothed y (null when smoothing is off). */
  readonly drawnSmooth: DrawnLine | null;
}

export interface DrawnLine {
  readonly length: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The line's row that drawn row 0 is: drawn rows are rows from … from + length − 1, as they are. */
  readonly from: number;
}

/** A line's rows with the start row (step 0) in front when it is known; drawn is filled in per window. */
export type Line = Omit<LineSeries, 'drawn' | 'drawnSmooth'>;

/**
 * Rows from … to−1 of a line as drawn: as they are. The drawing reduces rows
 * that share a pixel column to their first, lowest, highest and last
 * (pixelLine.ts), so thinning them here as well would only cost a pass, and
 * rows kept as they are let a chart append the new ones to what it drew.
 */
function drawnLine(x: Float64Array, y: Float64Array, [from, to]: readonly [number, number]): DrawnLine {
  return { length: to - from, x: x.subarray(from, to), y: y.subarray(from, to), from };
}

/** `length` rows of (steps, values), after the start row `start` when it is finite, in buffers named `name`. */
export function lineOf(buffers: Buffers, name: string, steps: Float64Array, values: Float64Array, length: number, mode: XAxisMode, plan: StepPlan, smooth: { alpha: number; unit: number } | null, start = NaN): Line {
  const offset = Number.isFinite(start) ? 1 : 0;
  const n = length + offset;
  const step = buffers.get(`${name}.step`, n);
  const y = buffers.get(`${name}.y`, n);
  if (offset) {
    step[0] = 0;
    y[0] = start;
  }
  step.set(steps.subarray(0, length), offset);
  y.set(values.subarray(0, length), offset);
  const x = mapSteps(step, n, mode, plan, buffers.get(`${name}.x`, n));
  const smoothed = smooth && smooth.alpha > 0 ? smoothEma(x, y, n, smooth.alpha, smooth.unit, buffers.get(`${name}.smooth`, n)) : null;
  return { length: n, step, x, y, smooth: smoothed };
}

/** Rows of a line inside the window, as drawn. */
export function windowed(line: Line, drawn: readonly [number, number]): LineSeries {
  return {
    ...line,
    drawn: drawnLine(line.x, line.y, drawn),
    drawnSmooth: line.smooth ? drawnLine(line.x, line.smooth, drawn) : null,
  };
}
