// Everything the loss chart draws, in data units, computed from the runs
// without touching the DOM: each visible run's rows mapped onto the shared
// x-axis, smoothed if asked, and one y-domain that survives diverged runs.
import type { RunView } from '../../store/runTypes.ts';
import { includeBatchValues } from './batchRange.ts';
import { emptyRange, fitLossDomain, includeValue, includeValues, type ValueRange, type YScaleMode } from './lossDomain.ts';
import { Buffers } from './buffers.ts';
import { thinM4 } from '../shared/pixelLine.ts';
import { smoothEma, smoothingSpacing } from './smoothing.ts';
import { mapSteps, stepPlanOf, xOfStep, type StepPlan, type XAxisMode } from '../shared/xAxis.ts';

export interface LossOptions {
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  /** EMA weight in [0, 1); 0 draws the raw curves only. */
  readonly smoothing: number;
  /** The run whose epoch boundaries are ruled; the first visible run when null or not visible. */
  readonly primaryRunId: string | null;
  /**
   * The full-data loss at a run's start weights (NaN if unknown). It is drawn
   * at step 0, so each curve starts where training started, and it sets how
   * far up a linear axis reaches.
   */
  readonly initialLoss?: (run: RunView) => number;
}

export interface LineSeries {
  readonly length: number;
  /** Gradient step of each row (0 for the start row). */
  readonly step: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The smoothed y, or null when smoothing is off. */
  readonly smooth: Float64Array | null;
  /** What to draw for y: the rows thinned (M4) to a few per pixel when there are many. */
  readonly drawn: DrawnLine;
  /** The same for the smoothed y (null when smoothing is off). */
  readonly drawnSmooth: DrawnLine | null;
}

export interface DrawnLine {
  readonly length: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Buckets a drawn line keeps: two or more per pixel column on any chart up to 1,000 px wide. */
export const DRAW_BUCKETS = 1024;

function drawnLine(buffers: Buffers, name: string, x: Float64Array, y: Float64Array, length: number): DrawnLine {
  if (length <= 4 * DRAW_BUCKETS) return { length, x, y };
  const capacity = length; // M4 keeps at most 4 rows per bucket plus NaN rows, never more than the input
  const outX = buffers.get(`${name}.drawnX`, capacity);
  const outY = buffers.get(`${name}.drawnY`, capacity);
  const kept = thinM4(x, y, length, DRAW_BUCKETS, outX, outY);
  return { length: kept, x: outX.subarray(0, kept), y: outY.subarray(0, kept) };
}

export interface RunLossSeries {
  readonly run: RunView;
  readonly plan: StepPlan;
  /** Full-data loss per step: the start (step 0) when known, then the rows of run.lossSeries. */
  readonly full: LineSeries;
  /** 1 when `full` starts with the step-0 row, else 0: full row i is run.lossSeries row i − fullOffset. */
  readonly fullOffset: number;
  /** Mini-batch loss per step (rows of run.batchLossSeries). */
  readonly batch: LineSeries;
  /** One row per finished epoch: x, full loss at its end, mean of its batch losses. */
  readonly epochs: { readonly length: number; readonly x: Float64Array; readonly loss: Float64Array; readonly mean: Float64Array };
}

export interface LossLayout {
  readonly series: RunLossSeries[];
  readonly primary: RunLossSeries | null;
  readonly xDomain: [number, number];
  readonly yDomain: [number, number];
  /** True when at least one visible run has a step to show. */
  readonly hasRows: boolean;
}

function lineOf(
  buffers: Buffers,
  name: string,
  steps: Float64Array,
  values: Float64Array,
  length: number,
  options: LossOptions,
  plan: StepPlan,
  totalSteps: number,
  start = NaN,
): LineSeries {
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
  const x = mapSteps(step, n, options.xAxis, plan, buffers.get(`${name}.x`, n));
  const smooth =
    options.smoothing > 0 ? smoothEma(step, y, n, options.smoothing, smoothingSpacing(totalSteps), buffers.get(`${name}.smooth`, n)) : null;
  const drawn = drawnLine(buffers, `${name}.raw`, x, y, n);
  const drawnSmooth = smooth ? drawnLine(buffers, `${name}.smooth`, x, smooth, n) : null;
  return { length: n, step, x, y, smooth, drawn, drawnSmooth };
}

interface CachedSeries {
  readonly key: string;
  readonly series: RunLossSeries;
  /** The values this run puts on the y-axis. */
  readonly range: ValueRange;
  /** Where the run started (exact start loss, else its first batch loss, taken at the start weights). */
  readonly startLoss: number;
}

/**
 * Per-run results kept between frames: a run whose version and view options
 * have not changed (a paused or finished run) costs nothing to lay out again,
 * and a growing run reuses its buffers.
 */
export class LossLayoutCache {
  readonly entries = new Map<string, CachedSeries>();
  readonly buffers = new Map<string, Buffers>();
}

function seriesOf(run: RunView, options: LossOptions, initialLoss: number, cache: LossLayoutCache): CachedSeries {
  // The start row only once training has begun, so an idle run still shows the "press play" hint.
  const start = run.lossSeries.length > 0 ? initialLoss : NaN;
  const key = [run.version, run.lossSeries.length, run.batchLossSeries.length, run.epochs.length, options.xAxis, options.yScale, options.smoothing, start].join('|');
  const hit = cache.entries.get(run.id);
  if (hit && hit.key === key) return hit.series.run === run ? hit : { ...hit, series: { ...hit.series, run } };

  let buffers = cache.buffers.get(run.id);
  if (!buffers) {
    buffers = new Buffers();
    cache.buffers.set(run.id, buffers);
  }
  const plan = stepPlanOf(run.schedule, run.settings);
  const total = run.schedule.totalSteps;
  const full = lineOf(buffers, 'full', run.lossSeries.step, run.lossSeries.loss, run.lossSeries.length, options, plan, total, start);
  const batch = lineOf(buffers, 'batch', run.batchLossSeries.step, run.batchLossSeries.batchLoss, run.batchLossSeries.length, options, plan, total);
  const e = run.epochs;
  const epochs = {
    length: e.length,
    x: mapSteps(e.step, e.length, options.xAxis, plan, buffers.get('epochs.x', e.length)),
    loss: e.loss.subarray(0, e.length),
    mean: e.meanBatchLoss.subarray(0, e.length),
  };
  const range = emptyRange();
  includeValues(range, full.y, full.length);
  includeBatchValues(buffers, range, batch.y, batch.length, options.yScale);
  includeValues(range, epochs.loss, epochs.length);
  includeValues(range, epochs.mean, epochs.length);
  const entry: CachedSeries = {
    key,
    series: { run, plan, full, fullOffset: Number.isFinite(start) ? 1 : 0, batch, epochs },
    range,
    startLoss: Number.isFinite(start) ? start : batch.y[0],
  };
  cache.entries.set(run.id, entry);
  return entry;
}

/**
 * Lays out the visible runs. Pass the same cache on every frame of one chart;
 * the arrays of the returned layout are reused by the next call with that cache.
 */
export function buildLossLayout(runs: readonly RunView[], options: LossOptions, cache = new LossLayoutCache()): LossLayout {
  const visible = runs.filter((r) => r.visible);
  const entries = visible.map((r) => seriesOf(r, options, options.initialLoss ? options.initialLoss(r) : NaN, cache));
  for (const id of cache.entries.keys()) if (!visible.some((r) => r.id === id)) cache.entries.delete(id);
  for (const id of cache.buffers.keys()) if (!runs.some((r) => r.id === id)) cache.buffers.delete(id);
  const series = entries.map((e) => e.series);
  const primary = series.find((s) => s.run.id === options.primaryRunId) ?? series[0] ?? null;

  const range = emptyRange();
  let startLoss = NaN;
  let xMax = 0;
  let hasRows = false;
  for (const { series: s, range: r, startLoss: first } of entries) {
    includeValue(range, r.minFinite);
    includeValue(range, r.maxFinite);
    includeValue(range, r.minPositive);
    if (Number.isFinite(first) && !(first <= startLoss)) startLoss = first;
    if (s.full.length > 0) xMax = Math.max(xMax, s.full.x[s.full.length - 1]);
    if (s.batch.length > 0) xMax = Math.max(xMax, s.batch.x[s.batch.length - 1]);
    hasRows ||= s.full.length > 0 || s.batch.length > 0;
  }
  // At least one epoch of the primary run wide, so the first steps do not fill the whole width.
  if (primary) xMax = Math.max(xMax, xOfStep(primary.plan.stepsPerEpoch, options.xAxis, primary.plan));
  if (!(xMax > 0)) xMax = 1;
  return { series, primary, xDomain: [0, xMax], yDomain: fitLossDomain(range, options.yScale, startLoss), hasRows };
}
