// What the store offers the panels for each run. The panels draw from these
// views and never see the worker or the store's internals.
import type { Settings } from '../core/settings.ts';
import type { Schedule } from '../core/types.ts';
import type { EpochRecords, SeriesColumn } from '../core/records.ts';
import type { CursorSnapshot, WorkerStatus } from '../worker/protocol.ts';

// Only the store talks to the worker; the layers above take the worker's limits from here.
export { DEFAULT_PAGE_VIEW, DEFAULT_SPEED, MAX_RUNS, MAX_VIEW_PIXELS, type PageView, type Speed, type ViewUnit } from '../worker/protocol.ts';

/**
 * Per-step rows sorted by step, as the worker thinned them for the current
 * view (setView): buckets of consecutive steps at the view's resolution, each
 * keeping the first, min, max and last row of the key column (M4), so a line
 * drawn from them looks exactly like the line drawn from every step. Short
 * runs keep every step.
 *
 * For drawing incrementally: rows 0 … stable − 1 do not change while
 * `revision` stays the same, so a chart that drew them under this revision
 * need only draw from its last stable row on; the rows from `stable` to
 * `length` (at most 4: the bucket still filling) may be replaced by the next
 * update. A new revision (the view or the resolution changed, or the run
 * restarted) means the rows were replaced: draw them all again.
 */
export type SeriesView = { readonly length: number; readonly revision: number; readonly stable: number } & { readonly [K in SeriesColumn]: Float64Array };

/** A run's status is the worker's word for it. */
export type RunStatus = WorkerStatus;

/** Where a run stands: the worker's snapshot after its last chunk, kept as sent. */
export type RunCursor = CursorSnapshot;

export interface RunView {
  readonly id: string;
  /** e.g. "b=32, shuffle=epoch" */
  readonly name: string;
  readonly color: string;
  readonly visible: boolean;
  readonly settings: Settings;
  readonly schedule: Schedule;
  /** Thinned by the full-data loss; also carries w1, w2 for the weight-space path. */
  readonly lossSeries: SeriesView;
  /** Thinned by the mini-batch loss, whose noise is the point. */
  readonly batchLossSeries: SeriesView;
  /** Thinned by the validation loss; null when the run has no validation set (every series' rows carry valLoss, NaN then). */
  readonly valLossSeries: SeriesView | null;
  /** Every epoch end, never thinned. */
  readonly epochs: EpochRecords;
  readonly cursor: RunCursor;
  readonly status: RunStatus;
  readonly message: string | null;
  /** Increases whenever any record of the run changes, so panels can redraw cheaply. */
  readonly version: number;
}

/** A run to restore (from a link, or any list of runs): its settings and whether it is drawn (default: drawn). */
export interface RunSpec {
  readonly settings: Settings;
  readonly visible?: boolean;
}
