// A trainer's whole state as plain data, so a run can be resumed at any
// checkpoint and continue bit for bit as if it had never stopped: the worker
// keeps checkpoints to replay any step exactly (scrubbing, at= links) without
// training from the start. Plain numbers, strings and typed arrays only, so a
// checkpoint survives structuredClone and postMessage.
import type { Settings } from './settings.ts';
import { SETTING_NAMES } from './settings.ts';
import type { BatchOrderState } from './batchOrder.ts';
import type { SgdState } from './sgdSteps.ts';
import type { Divergence, Schedule, TrainerStatus } from './types.ts';

export interface TrainerCheckpoint {
  /** The settings the run was trained under; resuming under others is refused. */
  readonly settings: Readonly<Settings>;
  /** Gradient steps taken, epochs completed, and the 1-based batch of the last step, as the Trainer reports them. */
  readonly step: number;
  readonly epoch: number;
  readonly batchInEpoch: number;
  /** Example gradients computed so far (what a replay from the start would cost). */
  readonly examples: number;
  readonly w1: number;
  readonly w2: number;
  /** Full-data loss at (w1, w2), the last batch's loss, and the sum of this epoch's batch losses so far. */
  readonly loss: number;
  readonly batchLoss: number;
  readonly batchLossSum: number;
  /** Learning rate in force (the trainer's lr), for readers; resuming recomputes it from settings and epoch. */
  readonly lr: number;
  /** Where the next step starts: the batch (0-based) within the epoch and the steps already taken on it. */
  readonly batch: number;
  readonly repeats: number;
  readonly status: TrainerStatus;
  readonly divergence: Divergence | null;
  /** The last step ran past the divergence limits (status is then 'diverged'). */
  readonly ranAway: boolean;
  /**
   * The optimiser's state, one number after another: for SGD the momentum
   * velocity (v1, v2). Its length and meaning are the optimiser's own
   * (optimizerStateOf / restoreOptimizerState below).
   */
  readonly optimizerState: Float64Array;
  /**
   * Every random stream still in use: the batch order's (with the epoch's
   * order when the mode has one) and the restarts'. The data, init and
   * validation streams are used up when the trainer is built, so resuming
   * regenerates those from the settings instead of storing the data.
   * Checkpoints taken while the order is unchanged (one epoch, or all of
   * shuffle=once) share one frozen copy of it: never write into it.
   */
  readonly batchOrder: BatchOrderState;
  readonly restartRandom: number;
}

/** Bytes a scalar field takes, counted generously: the typed arrays are what matters. */
const SCALAR_BYTES = 8;
const SCALAR_FIELDS = 24;

/**
 * Memory a checkpoint holds, in bytes (the typed arrays exactly, the rest as
 * an estimate). Given `counted`, an array whose buffer is already in it is
 * not counted again, so summing over checkpoints that share an epoch's order
 * counts that order once.
 */
export function checkpointBytes(checkpoint: TrainerCheckpoint, counted?: Set<ArrayBufferLike>): number {
  let bytes = SCALAR_BYTES * SCALAR_FIELDS;
  const { permutation, chunks } = checkpoint.batchOrder;
  for (const array of [checkpoint.optimizerState, permutation, chunks]) {
    if (!array) continue;
    if (counted) {
      if (counted.has(array.buffer)) continue;
      counted.add(array.buffer);
    }
    bytes += array.byteLength;
  }
  return bytes;
}

// ---- The optimiser's state: the only lines that depend on which optimiser runs ----

/** The optimiser's part of the hot loop's state, copied. */
export function optimizerStateOf(state: SgdState): Float64Array {
  return Float64Array.of(state.v1, state.v2);
}

/** Puts saved optimiser state back into the hot loop's state. */
export function restoreOptimizerState(state: SgdState, saved: Float64Array): void {
  if (saved.length !== 2) throw new RangeError(`the checkpoint's optimizer state has ${saved.length} numbers; SGD keeps 2`);
  state.v1 = saved[0];
  state.v2 = saved[1];
}

// ---- Resuming ----

/** The first setting on which two settings differ, or null when they are the same experiment. */
export function settingsDifference(a: Readonly<Settings>, b: Readonly<Settings>): string | null {
  for (const name of SETTING_NAMES) {
    const x = a[name];
    const y = b[name];
    const same = name === 'w0' ? Object.is(a.w0[0], b.w0[0]) && Object.is(a.w0[1], b.w0[1]) : Object.is(x, y);
    if (!same) return `${name} is ${String(y)} here but ${String(x)} in the checkpoint`;
  }
  return null;
}

/** Why a checkpoint cannot belong to a run of this schedule and k, or null when it can. */
export function checkpointProblem(checkpoint: TrainerCheckpoint, schedule: Schedule, k: number): string | null {
  const { step, epoch, examples, batch, repeats, optimizerState } = checkpoint;
  const counts = [step, epoch, examples, batch, repeats, checkpoint.batchInEpoch, checkpoint.batchOrder.epochsBegun];
  if (!counts.every((v) => Number.isInteger(v) && v >= 0)) return 'its step, epoch and position counts are not all whole numbers ≥ 0';
  if (step > schedule.totalSteps) return `it is at step ${step}, past the run's last step ${schedule.totalSteps}`;
  if (batch >= schedule.batchesPerEpoch || repeats >= k || checkpoint.batchInEpoch > schedule.batchesPerEpoch) {
    return `its place in the epoch (batch ${batch + 1}, step ${repeats + 1} on it) is not in this run's epochs`;
  }
  if (!(optimizerState instanceof Float64Array)) return 'its optimizer state is not a Float64Array';
  return null;
}
