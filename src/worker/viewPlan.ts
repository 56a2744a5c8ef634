// Which buckets the page can draw for its view of one run: bucket widths (in
// steps) along the run, fine enough that each pixel column of the chart holds
// at least one bucket (what M4 needs to draw exactly) and coarse enough that a
// view costs a few thousand rows whatever the run's length. Widths are powers
// of two and segment starts multiples of the widths on both sides, so every
// bucket nests in the worker's finest level (lodSeries.ts) and in the others.
import type { BucketPlan, BucketSegment } from './m4.ts';
import type { PageView } from './protocol.ts';

/** What the plan needs to know of a run. */
export interface RunExtent {
  readonly stepsPerEpoch: number;
  readonly examplesPerEpoch: number;
  /** Steps trained so far. */
  readonly reach: number;
}

/** The largest power of two ≤ x (1 for x < 2). */
export function pow2Floor(x: number): number {
  let p = 1;
  while (p * 2 <= x) p *= 2;
  return p;
}

/** The smallest power of two ≥ x (1 for x ≤ 1). */
export function pow2Ceil(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}

/**
 * The reach a plan is made for: the plan holds (≤ 4 buckets per pixel) until
 * the run has trained twice as far, then the worker makes a new one.
 */
export function plannedReach(reach: number, pixels: number): number {
  return Math.max(reach, pixels);
}

/** The view's x-range as steps of this run, widened a little so rounding never drops an edge row. */
export function rangeInSteps(view: PageView, run: RunExtent): [number, number] | null {
  if (!view.range) return null;
  const [from, to] = view.range;
  const perUnit = view.unit === 'steps' ? 1 : view.unit === 'epochs' ? run.stepsPerEpoch : run.stepsPerEpoch / Math.max(1, run.examplesPerEpoch);
  const pad = 2 + (to - from) * perUnit * 0.01;
  const s0 = Math.max(0, Math.floor(from * perUnit - pad));
  const s1 = Math.max(s0 + 1, Math.ceil(to * perUnit + pad));
  return [s0, s1];
}

function linearPlan(view: PageView, run: RunExtent): BucketPlan {
  const pixels = view.pixels;
  const overview = pow2Floor(plannedReach(run.reach, pixels) / pixels);
  const range = rangeInSteps(view, run);
  if (!range) return [{ start: 0, end: Infinity, width: overview}];
  const detail = pow2Ceil((range[1] - range[0]) / (2 * pixels));
  if (detail >= overview) return [{ start: 0, end: Infinity, width: overview}];
  const a = Math.floor(range[0] / overview) * overview;
  const b = Math.ceil(range[1] / overview) * overview;
  const plan: BucketSegment[] = [];
  if (a > 0) plan.push({ start: 0, end: a, width: overview});
  plan.push({ start: a, end: b, width: detail });
  plan.push({ start: b, end: Infinity, width: overview});
  return plan;
}

/**
 * On a log axis each doubling of the step gets the same width on screen, so
 * each octave [2^k, 2^(k+1)] gets its own bucket width: pixels per octave are
 * those of the zoom inside it and those of the whole (planned) run outside.
 */
function logPlan(view: PageView, run: RunExtent): BucketPlan {
  const pixels = view.pixels;
  const horizon = 2 * plannedReach(run.reach, pixels);
  // The log axis starts half a step in (xWindow.ts, LOG_START_GAP), hence the extra octave.
  const perOctave = pixels / (Math.log2(horizon) + 1);
  const range = rangeInSteps(view, run);
  const zoomPerOctave = range ? pixels / Math.max(Math.log2(range[1] / Math.max(range[0], 0.5)), 1 / 64) : 0;
  const plan: BucketSegment[] = [{ start: 0, end: 1, width: 1 }];
  for (let low = 1; low < horizon; low *= 2) {
    const high = low * 2;
    const zoomed = range !== null && high > range[0] && low < range[1];
    const px = zoomed ? Math.max(perOctave, zoomPerOctave) : perOctave;
    plan.push({ start: low, end: high, width: Math.min(low, pow2Ceil(low / (2 * px))) });
  }
  const last = plan[plan.length - 1];
  plan[plan.length - 1] = { ...last, end: Infinity };
  return plan;
}

/** The bucket plan of one run for the page's view. */
export function planFor(view: PageView, run: RunExtent): BucketPlan {
  return view.log ? logPlan(view, run) : linearPlan(view, run);
}
