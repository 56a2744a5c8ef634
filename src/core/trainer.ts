// Mini-batch SGD on the two-weight model, one recorded row per gradient step.
// The loop keeps its state in locals and typed arrays and allocates nothing,
// so recording every step costs little next to the arithmetic itself.
import type { Settings } from './settings.ts';
import { checkSettings } from './settings.ts';
import type { Divergence, Dataset, Schedule, SufficientStats, Trainer, TrainerStatus } from './types.ts';
import type { EpochRecords, StepRecords } from './records.ts';
import { generateData } from './data.ts';
import { sufficientStats } from './stats.ts';
import { fullLoss } from './loss.ts';
import { largestStableLr, maxStableLr } from './curvature.ts';
import { createSchedule } from './schedule.ts';
import { BatchOrder } from './batchOrder.ts';
import { randomStream, uniformFrom } from './random.ts';
import type { RandomSource } from './random.ts';
import { approxNumber, formatCount } from './format.ts';

/** Beyond these the run has left any meaningful scale: it is stopped as diverged. */
export const DIVERGED_ABS_WEIGHT = 1e8;
export const DIVERGED_LOSS = 1e16;
/** restart=true draws each epoch's starting weights uniformly from [−R, R]². */
export const RESTART_RANGE = 3;

const NO_COLUMN = new Float64Array(0);

/** Builds a trainer; settings with problems (see checkSettings) are refused with a RangeError naming them. */
export function createTrainer(settings: Settings): Trainer {
  const problems = checkSettings(settings);
  if (problems.length > 0) throw new RangeError(`Invalid settings: ${problems.map((p) => p.message).join('; ')}`);
  return new SgdTrainer(settings);
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

  private readonly deep: boolean;
  private readonly batchOrder: BatchOrder;
  private readonly restartWeight: RandomSource;
  /** The data set's largest stable rate, quoted when a run diverges. */
  private readonly stableLr: number;

  private stepsTaken = 0;
  private epochsDone = 0;
  /** Batch (0-based, within the epoch) the next step uses, and steps already taken on it. */
  private nextBatch = 0;
  private repeatsDone = 0;
  /** Batch the last step used; −1 before the first step. */
  private lastBatch = -1;
  private weight1: number;
  private weight2: number;
  private velocity1 = 0;
  private velocity2 = 0;
  private fullDataLoss: number;
  private lastBatchLoss = NaN;
  private epochBatchLossSum = 0;
  private runStatus: TrainerStatus = 'running';
  private failure: Divergence | null = null;

  constructor(settings: Settings) {
    this.settings = Object.freeze({ ...settings, w0: Object.freeze([settings.w0[0], settings.w0[1]]) as readonly [number, number] });
    this.data = generateData(settings);
    this.stats = sufficientStats(this.data);
    this.schedule = createSchedule(settings);
    this.deep = settings.model === 'deep';
    this.batchOrder = new BatchOrder(settings);
    this.batchOrder.beginEpoch();
    this.restartWeight = uniformFrom(randomStream(settings.seed, 'restart'), -RESTART_RANGE, RESTART_RANGE);
    this.stableLr = largestStableLr(this.stats, settings.model, settings.mom);
    this.weight1 = settings.w0[0];
    this.weight2 = settings.w0[1];
    this.fullDataLoss = fullLoss(this.stats, settings.model, this.weight1, this.weight2);
  }

  get step(): number {
    return this.stepsTaken;
  }
  get epoch(): number {
    return this.epochsDone;
  }
  get batchInEpoch(): number {
    return this.lastBatch + 1;
  }
  get w1(): number {
    return this.weight1;
  }
  get w2(): number {
    return this.weight2;
  }
  get loss(): number {
    return this.fullDataLoss;
  }
  get batchLoss(): number {
    return this.lastBatchLoss;
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
    return this.schedule.stepsPerEpoch - (this.nextBatch * this.settings.k + this.repeatsDone);
  }

  currentBatch(): Uint32Array {
    const { order, bounds } = this.batchOrder;
    if (this.lastBatch < 0) return order.subarray(0, 0);
    return order.subarray(bounds[this.lastBatch], bounds[this.lastBatch + 1]);
  }

  epochOrder(): Uint32Array {
    return this.batchOrder.order;
  }

  advance(maxSteps: number, steps: StepRecords | null, epochs: EpochRecords | null): number {
    if (this.runStatus !== 'running') return 0;
    const limit = this.stepLimit(maxSteps, steps, epochs);
    let taken = 0;
    while (taken < limit) {
      // Epoch 2 and later are laid out at their first step rather than at the
      // end of the previous epoch, so currentBatch() and epochOrder() keep
      // describing the last step until another is taken.
      if (this.nextBatch === 0 && this.repeatsDone === 0 && this.batchOrder.epochsBegun === this.epochsDone) this.beginEpoch();
      const chunk = Math.min(limit - taken, this.stepsToEpochEnd());
      taken += this.runSteps(chunk, steps);
      if (this.failure) return taken;
      if (this.nextBatch === this.schedule.batchesPerEpoch) this.endEpoch(epochs);
    }
    if (this.stepsTaken >= this.schedule.totalSteps) this.runStatus = 'done';
    return taken;
  }

  private beginEpoch(): void {
    this.batchOrder.beginEpoch();
    if (this.settings.restart) {
      this.weight1 = this.restartWeight();
      this.weight2 = this.restartWeight();
      this.velocity1 = 0;
      this.velocity2 = 0;
    }
  }

  private endEpoch(epochs: EpochRecords | null): void {
    this.nextBatch = 0;
    this.epochsDone++;
    if (epochs) {
      const row = epochs.length;
      epochs.epoch[row] = this.epochsDone;
      epochs.step[row] = this.stepsTaken;
      epochs.loss[row] = this.fullDataLoss;
      epochs.meanBatchLoss[row] = this.epochBatchLossSum / this.schedule.stepsPerEpoch;
      epochs.w1[row] = this.weight1;
      epochs.w2[row] = this.weight2;
      epochs.length = row + 1;
    }
    this.epochBatchLossSum = 0;
  }

  /**
   * The hot loop: up to `count` steps, all inside the current epoch. Every
   * line of the loop runs on every step, so the optimiser has seen all of it
   * before compiling and never has to fall back. Returns the steps taken,
   * fewer than `count` only when the weights or the loss ran away (then the
   * run is stopped as diverged).
   */
  private runSteps(count: number, steps: StepRecords | null): number {
    const { deep } = this;
    const { x1, x2, y } = this.data;
    const { xx11, xx12, xx22, xy1, xy2, yy } = this.stats;
    const { order, bounds } = this.batchOrder;
    const { mom, k } = this.settings;
    const lr = epochLearningRate(this.settings, this.epochsDone);
    const epochNumber = this.epochsDone + 1;
    const record = steps !== null;
    const stepColumn = steps ? steps.step : NO_COLUMN;
    const epochColumn = steps ? steps.epoch : NO_COLUMN;
    const w1Column = steps ? steps.w1 : NO_COLUMN;
    const w2Column = steps ? steps.w2 : NO_COLUMN;
    const batchLossColumn = steps ? steps.batchLoss : NO_COLUMN;
    const lossColumn = steps ? steps.loss : NO_COLUMN;
    let row = steps ? steps.length : 0;
    let step = this.stepsTaken;
    let batch = this.nextBatch;
    let repeats = this.repeatsDone;
    let w1 = this.weight1;
    let w2 = this.weight2;
    let v1 = this.velocity1;
    let v2 = this.velocity2;
    let loss = this.fullDataLoss;
    let batchLoss = this.lastBatchLoss;
    let batchLossSum = this.epochBatchLossSum;
    let lastBatch = this.lastBatch;

    let ranAway = false;
    let taken = 0;
    while (taken < count) {
      // The arithmetic of loss.ts (linearBatch, deepBatch, fullLoss), written
      // out: calls that V8 does not inline box every double argument and
      // result, which made the loop allocate ~50 bytes per step.
      const start = bounds[batch];
      const end = bounds[batch + 1];
      let sum = 0;
      let g1 = 0;
      let g2 = 0;
      if (deep) {
        const p = w1 * w2;
        let gp = 0;
        for (let i = start; i < end; i++) {
          const j = order[i];
          const a = x1[j];
          const r = p * a - y[j];
          sum += r * r;
          gp += r * a;
        }
        const scale = 2 / (end - start);
        g1 = scale * gp * w2;
        g2 = scale * gp * w1;
      } else {
        for (let i = start; i < end; i++) {
          const j = order[i];
          const a = x1[j];
          const c = x2[j];
          const r = w1 * a + w2 * c - y[j];
          sum += r * r;
          g1 += r * a;
          g2 += r * c;
        }
        const scale = 2 / (end - start);
        g1 = scale * g1;
        g2 = scale * g2;
      }
      batchLoss = sum / (end - start);
      // PyTorch SGD: v = mom·v + g; w −= lr·v (with mom = 0 this is plain w −= lr·g).
      v1 = mom * v1 + g1;
      v2 = mom * v2 + g2;
      w1 -= lr * v1;
      w2 -= lr * v2;
      if (deep) {
        const p = w1 * w2;
        loss = Math.max(0, p * (p * xx11 - 2 * xy1) + yy);
      } else {
        loss = Math.max(0, w1 * (w1 * xx11 + 2 * w2 * xx12) + w2 * w2 * xx22 - 2 * (w1 * xy1 + w2 * xy2) + yy);
      }
      step++;
      taken++;
      batchLossSum += batchLoss;
      lastBatch = batch;
      if (record) {
        stepColumn[row] = step;
        epochColumn[row] = epochNumber;
        w1Column[row] = w1;
        w2Column[row] = w2;
        batchLossColumn[row] = batchLoss;
        lossColumn[row] = loss;
        row++;
      }
      if (!(loss <= DIVERGED_LOSS && Math.abs(w1) <= DIVERGED_ABS_WEIGHT && Math.abs(w2) <= DIVERGED_ABS_WEIGHT)) {
        ranAway = true;
        break;
      }
      repeats++;
      if (repeats === k) {
        repeats = 0;
        batch++;
      }
    }

    if (steps) steps.length = row;
    this.stepsTaken = step;
    this.nextBatch = batch;
    this.repeatsDone = repeats;
    this.lastBatch = lastBatch;
    this.weight1 = w1;
    this.weight2 = w2;
    this.velocity1 = v1;
    this.velocity2 = v2;
    this.fullDataLoss = loss;
    this.lastBatchLoss = batchLoss;
    this.epochBatchLossSum = batchLossSum;
    if (ranAway) this.stopDiverged();
    return taken;
  }

  private stopDiverged(): void {
    const epoch = this.epochsDone + 1;
    const lr = epochLearningRate(this.settings, this.epochsDone);
    this.runStatus = 'diverged';
    this.failure = {
      step: this.stepsTaken,
      epoch,
      message: this.divergenceMessage(this.stepsTaken, epoch, lr, this.weight1, this.weight2, this.fullDataLoss),
    };
  }

  /** Steps this call may take: no more than asked, left in training, or the buffers can hold. */
  private stepLimit(maxSteps: number, steps: StepRecords | null, epochs: EpochRecords | null): number {
    let limit = Math.min(Math.floor(maxSteps), this.schedule.totalSteps - this.stepsTaken);
    if (steps) limit = Math.min(limit, steps.capacity - steps.length);
    if (epochs) {
      // Stop before the step that would end an epoch with no row left for it.
      const rowsFree = epochs.capacity - epochs.length;
      limit = Math.min(limit, this.stepsToEpochEnd() + rowsFree * this.schedule.stepsPerEpoch - 1);
    }
    return limit > 0 ? limit : 0;
  }

  private divergenceMessage(step: number, epoch: number, lr: number, w1: number, w2: number, loss: number): string {
    const where = `Diverged at step ${formatCount(step)} (epoch ${formatCount(epoch)})`;
    let what: string;
    if (Number.isNaN(loss)) what = 'the loss is no longer a number';
    else if (loss === Infinity) what = 'the loss overflowed to infinity';
    else if (loss > DIVERGED_LOSS) what = `the loss reached ${approxNumber(loss)}`;
    else if (!(Math.abs(w1) <= DIVERGED_ABS_WEIGHT)) what = `the weight w1 reached ${approxNumber(w1)}`;
    else what = `the weight w2 reached ${approxNumber(w2)}`;
    const { mom, b, n, w0, model } = this.settings;
    const rate = approxNumber(lr);
    const stable = approxNumber(this.stableLr);
    const withMomentum = mom > 0 ? ` (with momentum ${approxNumber(mom)})` : '';
    let why: string;
    if (lr > this.stableLr) {
      why = `The learning rate ${rate} is above the largest stable rate ${stable}${withMomentum} for this data.`;
    } else if (model === 'deep' && lr > maxStableLr(this.stats, model, w0[0], w0[1], mom)) {
      const atStart = approxNumber(maxStableLr(this.stats, model, w0[0], w0[1], mom));
      why =
        `The learning rate ${rate} is below the largest stable rate ${stable}${withMomentum} at the flattest minimum, ` +
        `but the loss curves more steeply at the starting weights, where the largest stable rate is ${atStart}.`;
    } else if (b < n) {
      why =
        `The learning rate ${rate} is below the largest stable full-batch rate ${stable}${withMomentum}, ` +
        `but a batch of ${b} can curve more steeply than the whole data set; try a smaller rate or a larger batch.`;
    } else {
      why = `The learning rate ${rate} is below the largest stable rate ${stable}${withMomentum}, but the weights left the region where that rate is stable.`;
    }
    return `${where}: ${what}. ${why}`;
  }
}
