// What the store offers the panels for each run. The panels draw from these
// views and never see the worker or the store's internals.
import type { Settings } from '../core/settings.ts';
import type { Schedule } from '../core/types.ts';
import type { EpochRecords, StepColumn } from '../core/records.ts';

/**
 * Per-step rows sorted by step. Short runs keep every step; long runs are
 * thinned to level-of-detail buckets that keep, per bucket, the first, min,
 * max and last row of the key column (M4), so a line drawn from them looks
 * exactly like the line drawn from every step.
 */
export type SeriesView = { readonly length: number } & { readonly [K in StepColumn]: Float64Array };

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

export interface RunCursor {
  step: number;
  /** Epochs completed. */
  epoch: number;
  /** 1-based batch index within the current epoch (0 before the first step). */
  batchInEpoch: number;
  w1: number;
  w2: number;
  loss: number;
  batchLoss: number;
  lr: number;
  /** Indices of the examples in the last step's batch (at most the first 1,000). */
  batch: Uint32Array;
  /** Size of the last step's batch (may exceed batch.length). */
  batchSize: number;
}

export interface RunView {
  readonly id: string;
  /** e.g. "b=32, shuffle=epoch" */
  readonly name: string;
  readonly color: string;
  readonly visible: boolean;
  readonly settings: Settings;
  readonly schedule: Schedule;
  /** Thinned by the full-data loss; also carries w1, w2 for the weight-space path. */
  readonly byLoss: SeriesView;
  /** Thinned by the mini-batch loss, whose noise is the point. */
  readonly byBatchLoss: SeriesView;
  /** Every epoch end, never thinned. */
  readonly epochs: EpochRecords;
  readonly cursor: RunCursor;
  readonly status: RunStatus;
  readonly message: string | null;
  /** Increases whenever any record of the run changes, so panels can redraw cheaply. */
  readonly version: number;
}
