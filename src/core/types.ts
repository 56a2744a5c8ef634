// The shapes the engine exposes. The worker, the store and the CLI depend on
// these, not on how the engine computes them.
import type { Settings } from './settings.ts';
import type { EpochRecords, StepRecords } from './records.ts';
import type { TrainerCheckpoint } from './checkpoint.ts';

/** The training set: x1, x2 features and label y, each of length n (x2 ≡ 1 for line data). */
export interface Dataset {
  readonly n: number;
  readonly x1: Float64Array;
  readonly x2: Float64Array;
  readonly y: Float64Array;
}

/** Averages over the whole data set from which the full loss follows in O(1). */
export interface SufficientStats {
  /** XᵀX/N: [x1x1, x1x2, x2x2] */
  readonly xx11: number;
  readonly xx12: number;
  readonly xx22: number;
  /** Xᵀy/N */
  readonly xy1: number;
  readonly xy2: number;
  /** yᵀy/N */
  readonly yy: number;
}

/** How an epoch is cut into batches and steps. */
export interface Schedule {
  /** ⌈n/b⌉, or ⌊n/b⌋ with drop-last. */
  readonly batchesPerEpoch: number;
  /** batchesPerEpoch · k gradient steps. */
  readonly stepsPerEpoch: number;
  /** Size of the last batch of an epoch (b when n is a multiple of b or with drop-last). */
  readonly lastBatchSize: number;
  /** Examples an epoch uses (n, or n − (n mod b) with drop-last). */
  readonly examplesPerEpoch: number;
  readonly totalSteps: number;
}

export type OptimumStatus = 'unique' | 'singular';

export interface Optimum {
  readonly status: OptimumStatus;
  /** The minimiser (linear) or, for the deep model, the point of the valley nearest the diagonal w1 = w2 ≥ 0. */
  readonly w: readonly [number, number];
  readonly loss: number;
  /** Deep model only: the best product w1·w2 (the valley is w1·w2 = product). */
  readonly product?: number;
  readonly message?: string;
}

/**
 * What a trainer lends another of the same data settings (data.ts
 * DATA_SETTING_NAMES: the same run, or a compared run that differs only in
 * how it trains): the data sets and their averages, which never change, so
 * the borrower neither generates them again nor holds a second copy.
 */
export type DataLender = Pick<Trainer, 'settings' | 'data' | 'stats' | 'validation'>;

export type TrainerStatus = 'running' | 'done' | 'diverged';

export interface Divergence {
  readonly step: number;
  readonly epoch: number;
  readonly message: string;
}

export interface Trainer {
  readonly settings: Readonly<Settings>;
  readonly data: Dataset;
  readonly stats: SufficientStats;
  readonly schedule: Schedule;
  /** Gradient steps taken so far (0 before the first). */
  readonly step: number;
  /** Example gradients computed so far: the sum of the batch sizes of every step taken. */
  readonly examples: number;
  /** Epochs completed so far. */
  readonly epoch: number;
  /** 1-based index, within its epoch, of the batch the last step used (0 before the first step). */
  readonly batchInEpoch: number;
  readonly w1: number;
  readonly w2: number;
  /** Full-data loss at the current weights. */
  readonly loss: number;
  /** The validation set's averages (settings.val), or null when there is none. */
  readonly validation: { readonly stats: SufficientStats } | null;
  /** Validation loss at the current weights; NaN without a validation set. */
  readonly valLoss: number;
  /** Loss of the last step's mini-batch before the step (NaN before the first step). */
  readonly batchLoss: number;
  /** Learning rate in force for the current epoch. */
  readonly lr: number;
  readonly status: TrainerStatus;
  readonly divergence: Divergence | null;
  /**
   * Takes up to maxSteps gradient steps, appending one row per step to `steps`
   * and one row per completed epoch to `epochs` (either may be null). Stops
   * early when a buffer is full, at the end of training, or on divergence.
   * Returns the number of steps taken. Allocates nothing.
   */
  advance(maxSteps: number, steps: StepRecords | null, epochs: EpochRecords | null): number;
  /** Steps left until the current epoch ends (stepsPerEpoch at an epoch boundary). */
  stepsToEpochEnd(): number;
  /** Indices of the examples in the batch the last step used (a view; copy before keeping). */
  currentBatch(): Uint32Array;
  /** Indices of the whole current epoch's order, when the mode has one (a view). */
  epochOrder(): Uint32Array;
  /**
   * Everything needed to resume exactly here (resumeTrainer), as plain data.
   * Allocates (the optimiser state, and a copy of the epoch's order once per
   * layout); advance() does not.
   */
  checkpoint(): TrainerCheckpoint;
}
