// A training run of mini-batch SGD (or Adam, or RMSprop) on the two-weight model: its epochs, record buffers and
// status. The steps run in sgdSteps.ts, the hot loop; this file decides how many to take and what comes between.
import type { Settings } from './settings.ts';
import { checkSettings } from './parseSettings.ts';
import type { DataLender, Divergence, Dataset, Schedule, SufficientStats, Trainer, TrainerStatus } from './types.ts';
import type { EpochRecords, StepRecords } from './records.ts';
import { dataDifference, generateData, validationSize, validationStats } from './data.ts';
import { sufficientStats } from './stats.ts';
import { fullLoss } from './loss.ts';
import { largestStableLr, stableLrMomentum } from './curvature.ts';
import { createSchedule } from './schedule.ts';
import { BatchOrder } from './batchOrder.ts';
import { lcgStream, uniformFrom, type Lcg, type RandomSource } from './random.ts';
import { RANDOM_WEIGHT_RANGE, startWeights } from './init.ts';
import { divergenceMessage } from './divergence.ts';
import { initialSgdState, runSgdSteps, type SgdInputs, type SgdState } from './sgdSteps.ts';
import { resetOptimizerState } from './optimizers.ts';
import { checkpointProblem, optimizerStateOf, restoreOptimizerState, settingsDifference, type TrainerCheckpoint } from './checkpoint.ts';

/** restart=true draws each epoch's starting weights uniformly from [−R, R]² (the init=random distribution). */
export const RESTART_RANGE = RANDOM_WEIGHT_RANGE;

/** Builds a trainer; settings with problems (see checkSettings) are refused with a RangeError naming them. */
export function createTrainer(settings: Settings, lender?: DataLender): Trainer {
  refuseInvalid(settings, lender);
  return new SgdTrainer(settings, lender);
}

function refuseInvalid(settings: Settings, lender: DataLender | undefined): void {
  const problems = checkSettings(settings);
  if (problems.length > 0) throw new RangeError(`Invalid settings: ${problems.map((p) => p.message).join('; ')}`);
  const other = lender && dataDifference(lender.settings, settings);
  if (other) throw new RangeError(`The trainer lending its data set belongs to another run whose data differ: ${other}`);
}

/**
 * A trainer that goes on from `checkpoint` exactly as the run it was taken
 * from did. The data are regenerated from the settings, unless `lender` (a
 * trainer on the same data settings) lends its own, and with them its batch
 * bounds where they are this run's: they never change, so sharing them saves
 * O(n) work. Refused with a RangeError when the checkpoint belongs to other
 * settings or is malformed.
 */
export function resumeTrainer(settings: Settings, checkpoint: TrainerCheckpoint, lender?: DataLender): Trainer {
  refuseInvalid(settings, lender);
  const different = settingsDifference(checkpoint.settings, settings);
  if (different) throw new RangeError(`The checkpoint belongs to another run: ${different}`);
  const trainer = new SgdTrainer(settings, lender, true);
  const problem = checkpointProblem(checkpoint, trainer.schedule, settings.k);
  if (problem) throw new RangeError(`The checkpoint cannot be resumed: ${problem}`);
  trainer.restore(checkpoint);
  return trainer;
}

/** The validation set of the settings and its averages; null when val is 0 (or rounds to no example). */
function validationSet(settings: Settings): Trainer['validation'] {
  // Only its averages are kept: the loss there is O(1) from them, and the examples would be up to 12 MB.
  return validationSize(settings) === 0 ? null : { stats: validationStats(settings) };
}

/** The learning rate of 0-based epoch e: lr / (1 + decay·e). */
export function epochLearningRate(settings: Pick<Settings, 'lr' | 'decay'>, epochIndex: number): number {
  return settings.lr / (1 + settings.decay * epochIndex);
}

class SgdTrainer implements Trainer {
  readonly settings: Readonly<Settings>;
  readonly data: Dataset;
  readonly stats: SufficientStats;
  readonly schedule: Schedule;
  readonly validation: Trainer['validation'];

  private readonly batchOrder: BatchOrder;
  /** What the hot loop reads: fixed for the whole run. */
  private readonly inputs: SgdInputs;
  /** What the hot loop updates: weights, the optimiser's buffers, losses, position in the epoch. */
  private readonly state: SgdState;
  /** The restart stream's generator, whose state a checkpoint saves, and its draws on [−R, R]. */
  private readonly restartRandom: Lcg;
  private readonly restartWeight: RandomSource;
  /** The data set's largest stable rate, quoted when a run diverges. */
  private readonly stableLr: number;

  private epochsDone = 0;
  private runStatus: TrainerStatus = 'running';
  private failure: Divergence | null = null;

  constructor(settings: Settings, lender?: DataLender, resuming = false) {
    this.settings = Object.freeze({ ...settings, w0: Object.freeze([settings.w0[0], settings.w0[1]]) as readonly [number, number] });
    this.data = lender ? lender.data : generateData(settings);
    this.stats = lender ? lender.stats : sufficientStats(this.data);
    this.validation = lender ? lender.validation : validationSet(settings);
    this.schedule = createSchedule(settings);
    // BatchOrder takes the lender's bounds only where they equal its own (same n, b, drop-last, neither shuffle=batches).
    this.batchOrder = new BatchOrder(settings, lender instanceof SgdTrainer ? lender.batchOrder : undefined);
    if (!resuming) this.batchOrder.beginEpoch(); // restore() sets the whole order; epoch 1's O(n) shuffle (~25 ms at n = 10⁶) would be lost
    this.inputs = { settings: this.settings, deep: settings.model === 'deep', data: this.data, stats: this.stats, batchOrder: this.batchOrder };
    this.restartRandom = lcgStream(settings.seed, 'restart');
    this.restartWeight = uniformFrom(this.restartRandom.draw, -RESTART_RANGE, RESTART_RANGE);
    this.stableLr = largestStableLr(this.stats, settings.model, stableLrMomentum(settings));
    const [w1, w2] = startWeights(settings);
    this.state = initialSgdState(settings, w1, w2, fullLoss(this.stats, settings.model, w1, w2));
  }

  get step(): number {
    return this.state.step;
  }
  get epoch(): number {
    return this.epochsDone;
  }
  get examples(): number {
    // The bounds are the epoch's running example counts, so this needs no counter in the hot loop.
    const { batch, repeats, ranAway } = this.state;
    const { bounds } = this.batchOrder;
    const { k } = this.settings;
    // A step that ran away was taken but not counted in repeats.
    const onBatch = repeats + (ranAway ? 1 : 0);
    const inEpoch = onBatch === 0 ? k * bounds[batch] : k * bounds[batch] + onBatch * (bounds[batch + 1] - bounds[batch]);
    return this.epochsDone * k * this.schedule.examplesPerEpoch + inEpoch;
  }
  get batchInEpoch(): number {
    return this.state.lastBatch + 1;
  }
  get w1(): number {
    return this.state.w1;
  }
  get w2(): number {
    return this.state.w2;
  }
  get loss(): number {
    return this.state.loss;
  }
  get valLoss(): number {
    return this.validation ? fullLoss(this.validation.stats, this.settings.model, this.state.w1, this.state.w2) : NaN;
  }
  get batchLoss(): number {
    return this.state.batchLoss;
  }
  /** The rate of the epoch in progress, or of the next one at an epoch boundary (the last one when done). */
  get lr(): number {
    return epochLearningRate(this.settings, Math.min(this.epochsDone, this.settings.epochs - 1));
  }
  get status(): TrainerStatus {
    return this.runStatus;
  }
  get divergence(): Divergence | null {
    return this.failure;
  }

  stepsToEpochEnd(): number {
    return this.schedule.stepsPerEpoch - (this.state.batch * this.settings.k + this.state.repeats);
  }

  currentBatch(): Uint32Array {
    const { order, bounds } = this.batchOrder;
    const { lastBatch } = this.state;
    if (lastBatch < 0) return order.subarray(0, 0);
    return order.subarray(bounds[lastBatch], bounds[lastBatch + 1]);
  }

  epochOrder(): Uint32Array {
    return this.batchOrder.order;
  }

  checkpoint(): TrainerCheckpoint {
    const { state } = this;
    return {
      settings: this.settings,
      step: state.step,
      epoch: this.epochsDone,
      batchInEpoch: this.batchInEpoch,
      examples: this.examples,
      w1: state.w1,
      w2: state.w2,
      loss: state.loss,
      batchLoss: state.batchLoss,
      batchLossSum: state.batchLossSum,
      lr: this.lr,
      batch: state.batch,
      repeats: state.repeats,
      status: this.runStatus,
      divergence: this.failure,
      ranAway: state.ranAway,
      optimizerState: optimizerStateOf(state),
      batchOrder: this.batchOrder.save(),
      restartRandom: this.restartRandom.state,
    };
  }

  /** Puts this (fresh) trainer where `c` says; resumeTrainer has checked that it belongs here. */
  restore(c: TrainerCheckpoint): void {
    const { state } = this;
    this.batchOrder.restore(c.batchOrder);
    this.restartRandom.state = c.restartRandom;
    state.step = c.step;
    state.batch = c.batch;
    state.repeats = c.repeats;
    state.lastBatch = c.batchInEpoch - 1;
    state.w1 = c.w1;
    state.w2 = c.w2;
    state.loss = c.loss;
    state.batchLoss = c.batchLoss;
    state.batchLossSum = c.batchLossSum;
    state.ranAway = c.ranAway;
    restoreOptimizerState(state, c.optimizerState);
    this.epochsDone = c.epoch;
    this.runStatus = c.status;
    this.failure = c.divergence;
  }

  advance(maxSteps: number, steps: StepRecords | null, epochs: EpochRecords | null): number {
    if (this.runStatus !== 'running') return 0;
    const { state } = this;
    const limit = this.stepLimit(maxSteps, steps, epochs);
    let taken = 0;
    while (taken < limit) {
      // Epoch 2 and later are laid out at their first step rather than at the
      // end of the previous epoch, so currentBatch() and epochOrder() keep
      // describing the last step until another is taken.
      if (state.batch === 0 && state.repeats === 0 && this.batchOrder.epochsBegun === this.epochsDone) this.beginEpoch();
      const chunk = Math.min(limit - taken, this.stepsToEpochEnd());
      const firstRow = steps ? steps.length : 0;
      taken += runSgdSteps(this.inputs, state, epochLearningRate(this.settings, this.epochsDone), this.epochsDone + 1, chunk, steps);
      if (steps) this.recordValLoss(steps, firstRow);
      if (state.ranAway) {
        this.stopDiverged();
        return taken;
      }
      if (state.batch === this.schedule.batchesPerEpoch) this.endEpoch(epochs);
    }
    if (state.step >= this.schedule.totalSteps) this.runStatus = 'done';
    return taken;
  }

  private beginEpoch(): void {
    this.batchOrder.beginEpoch();
    if (this.settings.restart) {
      this.state.w1 = this.restartWeight();
      this.state.w2 = this.restartWeight();
      // A fresh start forgets the optimiser's history too, as PyTorch's optimizer.state.clear().
      resetOptimizerState(this.settings.optimizer, this.state.optimizerState);
    }
  }

  private endEpoch(epochs: EpochRecords | null): void {
    const { state } = this;
    state.batch = 0;
    this.epochsDone++;
    if (epochs) {
      const row = epochs.length;
      epochs.epoch[row] = this.epochsDone;
      epochs.step[row] = state.step;
      epochs.loss[row] = state.loss;
      epochs.meanBatchLoss[row] = state.batchLossSum / this.schedule.stepsPerEpoch;
      epochs.w1[row] = state.w1;
      epochs.w2[row] = state.w2;
      if (epochs.valLoss) epochs.valLoss[row] = this.valLoss;
      epochs.length = row + 1;
    }
    state.batchLossSum = 0;
  }

  /**
   * The valLoss column of the rows the hot loop just wrote, from their
   * weights: a pass over rows still in cache, which leaves sgdSteps.ts
   * (and its speed) as it is. Without a validation set nothing is written,
   * so a run without one pays nothing; the column keeps the NaN
   * createStepRecords filled it with.
   */
  private recordValLoss(steps: StepRecords, firstRow: number): void {
    const { valLoss, w1, w2, length } = steps;
    if (!valLoss || !this.validation) return;
    const { stats } = this.validation;
    const model = this.settings.model;
    for (let row = firstRow; row < length; row++) valLoss[row] = fullLoss(stats, model, w1[row], w2[row]);
  }

  private stopDiverged(): void {
    const { step, w1, w2, loss } = this.state;
    const epoch = this.epochsDone + 1;
    const lr = epochLearningRate(this.settings, this.epochsDone);
    this.runStatus = 'diverged';
    this.failure = { step, epoch, message: divergenceMessage(this.settings, this.stats, this.stableLr, { step, epoch, lr, w1, w2, loss }) };
  }

  /** Steps this call may take: no more than asked, left in training, or the buffers can hold. */
  private stepLimit(maxSteps: number, steps: StepRecords | null, epochs: EpochRecords | null): number {
    let limit = Math.min(Math.floor(maxSteps), this.schedule.totalSteps - this.state.step);
    if (steps) limit = Math.min(limit, steps.capacity - steps.length);
    if (epochs) {
      // Stop before the step that would end an epoch with no row left for it.
      const rowsFree = epochs.capacity - epochs.length;
      limit = Math.min(limit, this.stepsToEpochEnd() + rowsFree * this.schedule.stepsPerEpoch - 1);
    }
    return limit > 0 ? limit : 0;
  }
}
