// Looking back at a step already run: where every run stands when the
// primary run is at that step, and each run as it was there. Pure: the views
// share the runs' buffers (a step series is sorted by step, so a run "up to
// step s" is a prefix), and the exact state at the step comes from the worker.
import { startWeights } from '../core/init.ts';
import type { EpochRecords } from '../core/records.ts';
import type { Timeline } from './labState.ts';
import type { RunCursor, RunView, SeriesView } from './runTypes.ts';

/**
 * The step a run is at when the primary run is at `primaryStep`: runs move in
 * lockstep by epochs (worker/lockstep.ts), so run i stands at
 * ⌊(s / spe₀) · speᵢ⌋, and never past the steps it has run.
 */
export function lockstepStep(primaryStep: number, primaryStepsPerEpoch: number, stepsPerEpoch: number, reached: number): number {
  // The same tiny nudge as the worker's, so both round alike.
  const step = Math.floor((primaryStep / primaryStepsPerEpoch) * stepsPerEpoch * (1 + 1e-12));
  return Math.max(0, Math.min(step, reached));
}

/**
 * Every run's step (by id) when the primary run is at `step`; `limit` is how
 * far each run can be placed (the steps it has run, or all of its steps).
 */
export function lockstepTargets(runs: readonly RunView[], primary: RunView, step: number, limit: (run: RunView) => number): Record<string, number> {
  const at = Math.max(0, Math.min(Math.floor(step), limit(primary)));
  const spe = primary.schedule.stepsPerEpoch;
  return Object.fromEntries(runs.map((run) => [run.id, run.id === primary.id ? at : lockstepStep(at, spe, run.schedule.stepsPerEpoch, limit(run))]));
}

/** Rows of a step-sorted column with step ≤ `step`. */
function rowsUpTo(steps: Float64Array, length: number, step: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function seriesUpTo(series: SeriesView, step: number): SeriesView {
  const length = rowsUpTo(series.step, series.length, step);
  // A cut series is drawn whole: its revision is the whole series' own, but no row past the cut counts as stable.
  return length === series.length ? series : { ...pick(series), length, stable: Math.min(series.stable, length) };
}

function pick(series: SeriesView): Omit<SeriesView, 'length'> {
  const { step, epoch, w1, w2, batchLoss, loss, valLoss, revision, stable } = series;
  return { step, epoch, w1, w2, batchLoss, loss, valLoss, revision, stable };
}

function epochsUpTo(epochs: EpochRecords, step: number): EpochRecords {
  const length = rowsUpTo(epochs.step, epochs.length, step);
  if (length === epochs.length) return epochs;
  const { capacity, epoch, step: steps, loss, meanBatchLoss, w1, w2, valLoss } = epochs;
  return { length, capacity, epoch, step: steps, loss, meanBatchLoss, w1, w2, valLoss };
}

/**
 * The state at step `cursor.step` read from the run's own records: exact when
 * that step's row was kept (every step of a run short enough not to be
 * thinned), else the nearest kept row before it. The batch's indices are not
 * in the records: until the worker's exact answer arrives there is none.
 */
export function recordedCursor(run: RunView, step: number): RunCursor {
  if (step <= 0) {
    const [w1, w2] = startWeights(run.settings);
    return { step: 0, epoch: 0, batchInEpoch: 0, w1, w2, loss: NaN, batchLoss: NaN, lr: run.settings.lr, valLoss: NaN, batch: new Uint32Array(0), batchSize: 0 };
  }
  const series = run.lossSeries;
  const i = rowsUpTo(series.step, series.length, step) - 1;
  const spe = run.schedule.stepsPerEpoch;
  const epochsDone = Math.floor(step / spe);
  return {
    step,
    epoch: epochsDone,
    batchInEpoch: step - epochsDone * spe === 0 ? spe : step - epochsDone * spe,
    w1: i >= 0 ? series.w1[i] : run.cursor.w1,
    w2: i >= 0 ? series.w2[i] : run.cursor.w2,
    loss: i >= 0 ? series.loss[i] : NaN,
    batchLoss: i >= 0 ? series.batchLoss[i] : NaN,
    lr: run.cursor.lr,
    valLoss: i >= 0 ? series.valLoss[i] : NaN,
    batch: new Uint32Array(0),
    batchSize: 0,
  };
}

/** The run as it was at `cursor.step`: its records up to that step, the cursor there, and paused. */
export function runAtStep(run: RunView, cursor: RunCursor): RunView {
  if (cursor.step >= run.cursor.step) return run;
  return {
    ...run,
    lossSeries: seriesUpTo(run.lossSeries, cursor.step),
    batchLossSeries: seriesUpTo(run.batchLossSeries, cursor.step),
    valLossSeries: run.valLossSeries && seriesUpTo(run.valLossSeries, cursor.step),
    epochs: epochsUpTo(run.epochs, cursor.step),
    cursor,
    status: 'paused',
  };
}

/** Each run as the page shows it: where it is now, or, while looking back, as it was at the step looked at. */
export function shownRuns<R extends RunView>(runs: readonly R[], timeline: Timeline | null): readonly (R | RunView)[] {
  if (!timeline) return runs;
  return runs.map((run) => {
    const step = timeline.targets[run.id];
    if (step === undefined) return run;
    const exact = timeline.cursors[run.id];
    return runAtStep(run, exact ?? recordedCursor(run, step));
  });
}
