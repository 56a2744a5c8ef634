// A trainer's whole state as plain data, so a run can be resumed at any
// checkpoint and continue bit for bit as if it had never stopped: the worker
// keeps checkpoints to replay any step exactly (scrubbing, at= links) without
// training from the start. Plain numbers, strings and typed arrays only, so a
// checkpoint survives structuredClone and postMessage; checkpointPacking.ts
// packs one into a row of numbers, for the worker's thousands of them.
import type { Settings } from './settings.ts';
import { SETTING_NAMES } from './settings.ts';
import type { BatchOrderState } from './batchOrder.ts';
import type { SgdState } from './sgdSteps.ts';
import { OPTIMIZER_STATE_LENGTH } from './optimizers.ts';
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
   * velocity (v1, v2); for Adam exp_avg, exp_avg_sq and the β products; for
   * RMSprop the momentum buffer and square_avg. Its length and layout are the
   * optimiser's own (optimizers.ts; optimizerStateOf / restoreOptimizerState below).
   */
  readonly optimizerState: Float64Array;
  /**
   * Every random stream still in use, as generator states: the batch
   * order's (from which the epoch's layout is drawn again on resuming) and
   * the restarts'. The data, init and validation streams are used up when
   * the trainer is built, so resuming regenerates those from the settings
   * instead of storing the data. So a checkpoint is a few numbers whatever n.
   */
  readonly batchOrder: BatchOrderState;
  readonly restartRandom: number;
}

// ---- The optimiser's state: the only lines that depend on which optimiser runs ----

/** The optimiser's part of the hot loop's state, copied (its layout: optimizers.ts). */
export function optimizerStateOf(state: SgdState): Float64Array {
  return state.optimizerState.slice();
}

/** Puts saved optimiser state (of the length checkpointProblem has checked) back into the hot loop's state. */
export function restoreOptimizerState(state: SgdState, saved: Float64Array): void {
  state.optimizerState.set(saved);
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
  const generators = [checkpoint.batchOrder.layoutRandom, checkpoint.restartRandom];
  if (!generators.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)) return 'its random generator states are not all 32-bit unsigned integers';
  if (step > schedule.totalSteps) return `it is at step ${step}, past the run's last step ${schedule.totalSteps}`;
  if (batch >= schedule.batchesPerEpoch || repeats >= k || checkpoint.batchInEpoch > schedule.batchesPerEpoch) {
    return `its place in the epoch (batch ${batch + 1}, step ${repeats + 1} on it) is not in this run's epochs`;
  }
  if (!(optimizerState instanceof Float64Array)) return 'its optimizer state is not a Float64Array';
  const keeps = OPTIMIZER_STATE_LENGTH[checkpoint.settings.optimizer];
  if (optimizerState.length !== keeps) return `its optimizer state has ${optimizerState.length} numbers; ${checkpoint.settings.optimizer} keeps ${keeps}`;
  return null;
}
