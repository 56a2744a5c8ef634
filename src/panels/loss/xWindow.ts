// The part of the x-axis the loss chart shows: the whole run, or a zoomed
// range, on a linear or a log axis. Pure: the layout, the marks and the zoom
// gestures all read the window from here.
import type { XZoom } from '../../url/view.ts';
import { xOfStep, type StepPlan, type XAxisMode } from '../shared/xAxis.ts';

export interface XWindow {
  /** What the plot spans, in x-axis units. */
  readonly domain: readonly [number, number];
  /** The whole run's span: zooming out stops here. */
  readonly full: readonly [number, number];
  readonly log: boolean;
  /** On a log axis, x of the first step: the start (x = 0) is drawn at the left edge, below it. NaN on a linear axis. */
  readonly firstStep: number;
  readonly zoomed: boolean;
}

/** A log axis begins this factor below the first step, so the start (pinned to the edge) and step 1 are apart. */
export const LOG_START_GAP = 2;
/** A zoom never spans fewer steps of the primary run than this: a single step is then still a segment, not a dot. */
export const MIN_ZOOM_STEPS = 4;

/** Width of one gradient step on the axis. */
export function xPerStep(plan: StepPlan, mode: XAxisMode): number {
  return xOfStep(plan.stepsPerEpoch, mode, plan) / plan.stepsPerEpoch;
}

/** The smallest x-range a zoom may span. */
export function minZoomSpan(plan: StepPlan | null, mode: XAxisMode): number {
  return MIN_ZOOM_STEPS * (plan ? xPerStep(plan, mode) : 1);
}

/**
 * The window for runs whose rows reach `xMax`, `firstStep` the smallest x of
 * a first step among them (a log axis starts below it).
 */
export function xWindowOf(xMax: number, firstStep: number, zoom: XZoom | null, log: boolean): XWindow {
  const start = log ? firstStep / LOG_START_GAP : 0;
  const full: [number, number] = [start, Math.max(xMax, start * LOG_START_GAP * 2)];
  let domain: [number, number] = full;
  if (zoom) {
    const lo = Math.max(zoom[0], start);
    if (zoom[1] > lo) domain = [lo, zoom[1]];
  }
  return { domain, full, log, firstStep: log ? firstStep : NaN, zoomed: domain !== full };
}

/** Position along the window as the axis sees it: linear, or logarithmic. */
export function toAxisUnits(window: Pick<XWindow, 'log'>, x: number): number {
  return window.log ? Math.log(x) : x;
}

export function fromAxisUnits(window: Pick<XWindow, 'log'>, t: number): number {
  return window.log ? Math.exp(t) : t;
}

/** First index in xs[0 … length-1] (non-decreasing) whose x is ≥ x (length when none). */
function lowerBound(xs: ArrayLike<number>, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose x is > x. */
function upperBound(xs: ArrayLike<number>, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows inside [lo, hi]: `inside` is [from, to) of the rows within it, `drawn`
 * the same grown by one row on each side, so a line runs on to the plot's
 * edges instead of stopping at the last row inside.
 */
export function rowsIn(xs: ArrayLike<number>, length: number, domain: readonly [number, number]): { inside: [number, number]; drawn: [number, number] } {
  const from = lowerBound(xs, length, domain[0]);
  const to = upperBound(xs, length, domain[1]);
  return { inside: [from, Math.max(from, to)], drawn: [Math.max(0, from - 1), Math.min(length, Math.max(from, to) + 1)] };
}
