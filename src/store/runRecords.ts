// One run as the store holds it: the very view the panels read, plus the
// writable ends of its buffers, which only the store appends to. Every change
// to a run goes through these functions and returns a new object, so the run
// in the state is always the run as it is: there is no copy to refresh.
import { createSchedule } from '../core/schedule.ts';
import { startWeights } from '../core/init.ts';
import type { Settings } from '../core/settings.ts';
import { validationSize } from '../core/data.ts';
import type { RunChunk, RunStatusReport } from '../worker/protocol.ts';
import { EpochLog } from '../worker/epochLog.ts';
import type { RunCursor, RunStatus, RunView } from './runTypes.ts';
import { StreamedSeries } from './streamedSeries.ts';

export interface StoredRun extends RunView {
  readonly lossSeries: StreamedSeries;
  readonly batchLossSeries: StreamedSeries;
  readonly valLossSeries: StreamedSeries | null;
  readonly epochs: EpochLog;
}

export function frozenSettings(settings: Settings): Settings {
  return Object.freeze({ ...settings, w0: Object.freeze([settings.w0[0], settings.w0[1]]) as readonly [number, number] });
}

function startCursor(settings: Settings): RunCursor {
  // The starting loss comes from the worker with the first chunk, within a frame of configuring.
  const [w1, w2] = startWeights(settings);
  return { step: 0, epoch: 0, batchInEpoch: 0, w1, w2, loss: NaN, batchLoss: NaN, lr: settings.lr, valLoss: NaN, batch: new Uint32Array(0), batchSize: 0 };
}

/** A run that has not started; its name is given by the roster. */
export function newRun(id: string, settings: Settings, color: string, visible: boolean): StoredRun {
  const frozen = frozenSettings(settings);
  return {
    id,
    name: '',
    color,
    visible,
    settings: frozen,
    schedule: createSchedule(frozen),
    lossSeries: new StreamedSeries(),
    batchLossSeries: new StreamedSeries(),
    // The worker sends this series exactly when the run has a validation set.
    valLossSeries: validationSize(frozen) > 0 ? new StreamedSeries() : null,
    epochs: new EpochLog(),
    cursor: startCursor(frozen),
    status: 'idle',
    message: null,
    version: 0,
  };
}

/** The run back at step 0 with the same settings: its buffers emptied, its version moved on. */
export function clearedRun(run: StoredRun): StoredRun {
  run.lossSeries.clear();
  run.batchLossSeries.clear();
  run.valLossSeries?.clear();
  run.epochs.clear();
  return { ...run, cursor: startCursor(run.settings), status: 'idle', message: null, version: run.version + 1 };
}

/**
 * The run with a chunk's series deltas and epoch rows applied and the chunk's
 * cursor, or null when a delta does not follow what the run holds.
 */
export function withChunk(run: StoredRun, chunk: RunChunk): StoredRun | null {
  // A run with a validation set gets its series in every chunk; one without gets none, and a mismatch is refused.
  if ((chunk.valLoss === undefined) !== (run.valLossSeries === null)) return null;
  if (!run.lossSeries.apply(chunk.loss) || !run.batchLossSeries.apply(chunk.batchLoss)) return null;
  if (chunk.valLoss && run.valLossSeries && !run.valLossSeries.apply(chunk.valLoss)) return null;
  run.epochs.append(chunk.epochs);
  return { ...run, cursor: chunk.cursor, version: run.version + 1 };
}

/** The run with the worker's word on it (the same object when nothing changed). */
export function withStatus(run: StoredRun, report: RunStatusReport): StoredRun {
  if (run.status === report.status && run.message === report.message) return run;
  return { ...run, status: report.status, message: report.message };
}

/** The run when the worker failed: stopped by the error unless it had already ended. */
export function failedRun(run: StoredRun): StoredRun {
  const ended: readonly RunStatus[] = ['done', 'diverged'];
  return ended.includes(run.status) ? run : { ...run, status: 'error' };
}
