// Everything the loss chart draws, in data units, computed from the runs
// without touching the DOM: each visible run's rows mapped onto the shared
// x-axis, the mini-batch loss smoothed if asked, the x-window shown (the whole
// run or a zoom) and a y-domain fitted to the full (and validation) losses
// inside it.
import { validationSize } from '../../core/data.ts';
import type { RunView } from '../../store/runTypes.ts';
import { primaryRun } from '../../store/selectors.ts';
import { startValLossFor } from '../shared/dataCache.ts';
import type { XZoom } from '../../url/view.ts';
import { emptyRange, fitLossDomain, includeValue, type ValueRange, type YScaleMode } from './lossDomain.ts';
import { Buffers } from './buffers.ts';
import { grownDomain, grownEnd } from './growth.ts';
import { lineOf, windowed, type Line, type LineSeries } from './lossLines.ts';
import { smoothingUnit, smoothingWindow } from './smoothing.ts';
import { mapSteps, stepPlanOf, xOfStep, type StepPlan, type XAxisMode } from '../shared/xAxis.ts';
import { rowsIn, xWindowOf, type XWindow } from './xWindow.ts';

export interface LossOptions {
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  /** EMA weight in [0, 1); 0 draws the raw curves only. */
  readonly smoothing: number;
  /** The run whose epoch boundaries are ruled; the first visible run when null or not visible. */
  readonly primaryRunId: string | null;
  /**
   * The full-data loss at a run's start weights (NaN if unknown). It is drawn
   * at step 0, so each curve starts where training started, and it is on the
   * y-axis before the first step, so the empty chart already shows where the
   * curves will begin.
   */
  readonly initialLoss?: (run: RunView) => number;
  /** The zoomed x-range, or null (default) for the whole run. */
  readonly zoom?: XZoom | null;
  readonly logX?: boolean;
}

export type { DrawnLine, LineSeries } from './lossLines.ts';

export interface RunLossSeries {
  readonly run: RunView;
  readonly plan: StepPlan;
  /** Full-data loss per step: the start (step 0) when known, then the rows of run.lossSeries. */
  readonly full: LineSeries;
  /** 1 when `full` starts with the step-0 row, else 0: full row i is run.lossSeries row i − fullOffset. */
  readonly fullOffset: number;
  /** Mini-batch loss per step (rows of run.batchLossSeries). */
  readonly batch: LineSeries;
  /**
   * Validation loss per step: the start when known, then the rows of
   * run.valLossSeries (thinned by the validation loss itself); never
   * smoothed, like the full loss, which it is measured like. Null when the
   * run has no validation set.
   */
  readonly val: LineSeries | null;
  /** One row per finished epoch: x, full loss at its end, mean of its batch losses, validation loss at its end (null: no validation set). */
  readonly epochs: { readonly length: number; readonly x: Float64Array; readonly loss: Float64Array; readonly mean: Float64Array; readonly val: Float64Array | null };
}

export interface LossLayout {
  readonly series: RunLossSeries[];
  readonly primary: RunLossSeries | null;
  /** The part of the x-axis shown; xDomain is its domain. */
  readonly window: XWindow;
  readonly xDomain: readonly [number, number];
  readonly yDomain: [number, number];
  /** True when at least one visible run has a step to show. */
  readonly hasRows: boolean;
  /** True when at least one of those steps is inside the x-window (a zoom may lie beyond every run so far). */
  readonly hasRowsInWindow: boolean;
  /** How far along x the mini-batch loss is smoothed (the EMA's time constant, x-units); 0 when it is not. */
  readonly smoothWindow: number;
}

interface CachedSeries {
  readonly key: string;
  readonly run: RunView;
  readonly plan: StepPlan;
  readonly full: Line;
  readonly fullOffset: number;
  readonly batch: Line;
  readonly val: Line | null;
  readonly epochs: RunLossSeries['epochs'];
  /** The loss at the start weights (NaN if unknown), on the axis even before the first step. */
  readonly startLoss: number;
  /** The lines as last drawn and the values they put on the y-axis, kept while the rows in the window stay the same. */
  shown?: Shown;
}

interface Shown {
  readonly key: string;
  readonly full: LineSeries;
  readonly batch: LineSeries;
  readonly val: LineSeries | null;
  readonly range: ValueRange;
  /** Rows of the full loss inside the window. */
  readonly inside: number;
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

function seriesOf(run: RunView, options: LossOptions, initialLoss: number, unit: number, cache: LossLayoutCache): CachedSeries {
  // The start row only once training has begun, so an idle run still shows the "press play" hint.
  const start = run.lossSeries.length > 0 ? initialLoss : NaN;
  const valSeries = run.valLossSeries;
  // Its start row, the val loss at the start weights, likewise (the worker's series begin at step 1).
  const valStart = valSeries && valSeries.length > 0 ? startValLossFor(run.settings) : NaN;
  const key = [run.version, run.lossSeries.length, run.batchLossSeries.length, valSeries?.length ?? -1, run.epochs.length, options.xAxis, options.smoothing, unit, start, initialLoss, valStart].join('|');
  const hit = cache.entries.get(run.id);
  if (hit && hit.key === key) {
    if (hit.run === run) return hit;
    const renamed = { ...hit, run };
    cache.entries.set(run.id, renamed);
    return renamed;
  }

  let buffers = cache.buffers.get(run.id);
  if (!buffers) {
    buffers = new Buffers();
    cache.buffers.set(run.id, buffers);
  }
  const plan = stepPlanOf(run.schedule, run.settings);
  const mode = options.xAxis;
  const full = lineOf(buffers, 'full', run.lossSeries.step, run.lossSeries.loss, run.lossSeries.length, mode, plan, null, start);
  const smooth = { alpha: options.smoothing, unit };
  const batch = lineOf(buffers, 'batch', run.batchLossSeries.step, run.batchLossSeries.batchLoss, run.batchLossSeries.length, mode, plan, smooth);
  const val = valSeries ? lineOf(buffers, 'val', valSeries.step, valSeries.valLoss, valSeries.length, mode, plan, null, valStart) : null;
  const e = run.epochs;
  const epochs = {
    length: e.length,
    x: mapSteps(e.step, e.length, mode, plan, buffers.get('epochs.x', e.length)),
    loss: e.loss.subarray(0, e.length),
    mean: e.meanBatchLoss.subarray(0, e.length),
    val: validationSize(run.settings) > 0 && e.valLoss ? e.valLoss.subarray(0, e.length) : null,
  };
  const entry: CachedSeries = { key, run, plan, full, fullOffset: Number.isFinite(start) ? 1 : 0, batch, val, epochs, startLoss: initialLoss };
  cache.entries.set(run.id, entry);
  return entry;
}

/**
 * What places the y-axis: the full and validation losses and the epoch points
 * inside the window, and the start loss. Not the mini-batch losses: a single example's
 * loss near 0 would stretch a log axis over empty decades and push the curves
 * that matter into a corner; batch losses off the axis are marked at its edge.
 */
function windowRange(s: CachedSeries, inside: readonly [number, number], valInside: readonly [number, number], epochs: readonly [number, number], window: XWindow): ValueRange {
  const range = emptyRange();
  for (let i = inside[0]; i < inside[1]; i++) includeValue(range, s.full.y[i]);
  if (s.val) for (let i = valInside[0]; i < valInside[1]; i++) includeValue(range, s.val.y[i]);
  for (let i = epochs[0]; i < epochs[1]; i++) {
    includeValue(range, s.epochs.loss[i]);
    includeValue(range, s.epochs.mean[i]);
    if (s.epochs.val) includeValue(range, s.epochs.val[i]);
  }
  // Before the first step, and in a zoom with nothing in it yet, the start loss says where the curve will be.
  if (s.full.length === 0 || !window.zoomed || inside[1] <= inside[0]) includeValue(range, s.startLoss);
  return range;
}

/**
 * The run's lines in the window. Which rows are in it is found by binary
 * search; the thinning and the y-range are redone only when those rows
 * change, so a finished run costs nothing while another one grows.
 */
function shownIn(s: CachedSeries, window: XWindow): Shown {
  const full = rowsIn(s.full.x, s.full.length, window.domain);
  const batch = rowsIn(s.batch.x, s.batch.length, window.domain).drawn;
  const epochs = rowsIn(s.epochs.x, s.epochs.length, window.domain).inside;
  const val = s.val ? rowsIn(s.val.x, s.val.length, window.domain) : null;
  const key = [...full.drawn, ...full.inside, ...batch, ...epochs, ...(val ? [...val.drawn, ...val.inside] : []), window.zoomed].join('|');
  if (s.shown?.key === key) return s.shown;
  const shownVal = s.val && val ? windowed(s.val, val.drawn) : null;
  const range = windowRange(s, full.inside, val ? val.inside : [0, 0], epochs, window);
  s.shown = { key, full: windowed(s.full, full.drawn), batch: windowed(s.batch, batch), val: shownVal, range, inside: full.inside[1] - full.inside[0] };
  return s.shown;
}

/** The x-span the runs are planned to reach: the smoothing unit is a share of it, so it does not change while they grow. */
function plannedSpan(runs: readonly RunView[], mode: XAxisMode): number {
  let span = 0;
  for (const r of runs) span = Math.max(span, xOfStep(r.schedule.totalSteps, mode, stepPlanOf(r.schedule, r.settings)));
  return span;
}

/**
 * Lays out the visible runs. Pass the same cache on every frame of one chart;
 * the arrays of the returned layout are reused by the next call with that cache.
 */
export function buildLossLayout(runs: readonly RunView[], options: LossOptions, cache = new LossLayoutCache()): LossLayout {
  const visible = runs.filter((r) => r.visible);
  const unit = smoothingUnit(plannedSpan(visible, options.xAxis));
  const entries = visible.map((r) => seriesOf(r, options, options.initialLoss ? options.initialLoss(r) : NaN, unit, cache));
  for (const id of cache.entries.keys()) if (!visible.some((r) => r.id === id)) cache.entries.delete(id);
  for (const id of cache.buffers.keys()) if (!runs.some((r) => r.id === id)) cache.buffers.delete(id);
  const primaryEntry = primaryRun(entries, options.primaryRunId, (s) => s.run.id) ?? null;

  let xMax = 0;
  let firstStep = Infinity;
  let startLoss = NaN;
  let hasRows = false;
  for (const s of entries) {
    if (s.full.length > 0) xMax = Math.max(xMax, s.full.x[s.full.length - 1]);
    if (s.batch.length > 0) xMax = Math.max(xMax, s.batch.x[s.batch.length - 1]);
    if (s.val && s.val.length > 0) xMax = Math.max(xMax, s.val.x[s.val.length - 1]);
    firstStep = Math.min(firstStep, xOfStep(1, options.xAxis, s.plan));
    if (Number.isFinite(s.startLoss) && !(s.startLoss <= startLoss)) startLoss = s.startLoss;
    hasRows ||= s.full.length > 0 || s.batch.length > 0;
  }
  // At least one epoch of the primary run wide, so the first steps do not fill the whole width.
  if (primaryEntry) xMax = Math.max(xMax, xOfStep(primaryEntry.plan.stepsPerEpoch, options.xAxis, primaryEntry.plan));
  if (!(xMax > 0)) xMax = 1;
  if (!(firstStep > 0 && firstStep < Infinity)) firstStep = 1;
  // While a run trains the axes grow in steps, so the chart can append rather than redraw (growth.ts).
  const growing = visible.some((r) => r.status === 'running');
  const window = xWindowOf(growing ? grownEnd(xMax) : xMax, firstStep, options.zoom ?? null, options.logX === true);

  const range = emptyRange();
  let hasRowsInWindow = false;
  const series: RunLossSeries[] = entries.map((s) => {
    const shown = shownIn(s, window);
    hasRowsInWindow ||= shown.inside > 0;
    for (const v of [shown.range.minFinite, shown.range.maxFinite, shown.range.minPositive]) includeValue(range, v);
    return { run: s.run, plan: s.plan, full: shown.full, fullOffset: s.fullOffset, batch: shown.batch, val: shown.val, epochs: s.epochs };
  });
  const primary = primaryEntry ? (series[entries.indexOf(primaryEntry)] ?? null) : null;
  return {
    series,
    primary,
    window,
    xDomain: window.domain,
    yDomain: growing ? grownDomain(fitLossDomain(range, options.yScale, startLoss), options.yScale === 'log') : fitLossDomain(range, options.yScale, startLoss),
    hasRows,
    hasRowsInWindow,
    smoothWindow: options.smoothing > 0 ? smoothingWindow(options.smoothing, unit) : 0,
  };
}
