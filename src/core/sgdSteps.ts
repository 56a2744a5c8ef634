// The hot loop of training: a run of mini-batch gradient steps inside one
// epoch, one recorded row per step, with the update rule of SGD, Adam or
// RMSprop. It keeps its state in locals and typed arrays and allocates
// nothing, so recording every step costs little next to the arithmetic
// itself. The trainer (trainer.ts) decides how many steps to take and handles
// epochs, buffers and status around it.
import type { Settings } from './settings.ts';
import type { Dataset, SufficientStats } from './types.ts';
import type { StepRecords } from './records.ts';
import type { BatchOrder } from './batchOrder.ts';
import { DIVERGED_ABS_WEIGHT, DIVERGED_LOSS } from './divergence.ts';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPS, NEGLIGIBLE_POWER, RMSPROP_ALPHA, RMSPROP_EPS, initialOptimizerState } from './optimizers.ts';

/** What a run of steps reads and never changes. */
export interface SgdInputs {
  readonly settings: Readonly<Settings>;
  readonly deep: boolean;
  readonly data: Dataset;
  readonly stats: SufficientStats;
  readonly batchOrder: BatchOrder;
}

/** Where training stands between two runs of steps; runSgdSteps reads it once and writes it back once. */
export interface SgdState {
  /** Gradient steps taken so far. */
  step: number;
  /** Batch (0-based, within the epoch) the next step uses, and steps already taken on it. */
  batch: number;
  repeats: number;
  /** Batch the last step used; −1 before the first step. */
  lastBatch: number;
  w1: number;
  w2: number;
  /** The optimiser's buffers, laid out as optimizers.ts says (SGD: the momentum velocity). */
  readonly optimizerState: Float64Array;
  /** Full-data loss at (w1, w2). */
  loss: number;
  /** Loss of the last step's batch, before that step (NaN before the first). */
  batchLoss: number;
  /** Sum of this epoch's batch losses so far. */
  batchLossSum: number;
  /** The last step took the loss or a weight past the divergence limits; no step follows it. */
  ranAway: boolean;
}

export function initialSgdState(settings: Pick<Settings, 'optimizer'>, w1: number, w2: number, loss: number): SgdState {
  const optimizerState = initialOptimizerState(settings.optimizer);
  return { step: 0, batch: 0, repeats: 0, lastBatch: -1, w1, w2, optimizerState, loss, batchLoss: NaN, batchLossSum: 0, ranAway: false };
}

const NO_COLUMN = new Float64Array(0);

/**
 * Up to `count` steps at rate `lr`, all inside epoch `epochNumber` (1-based).
 * Every line of the loop but the other optimisers' updates runs on every
 * step, so the compiler has seen all of it before optimising; a run's
 * optimiser never changes, so the branch between the update rules is the same
 * on every step. Returns the steps taken;
 * it stops early only when the weights or the loss ran away past the
 * divergence limits, and then sets state.ranAway.
 */
export function runSgdSteps(inputs: SgdInputs, state: SgdState, lr: number, epochNumber: number, count: number, steps: StepRecords | null): number {
  const { deep } = inputs;
  const { x1, x2, y } = inputs.data;
  const { xx11, xx12, xx22, xy1, xy2, yy } = inputs.stats;
  const { order, bounds } = inputs.batchOrder;
  const { mom, k, optimizer } = inputs.settings;
  const sgd = optimizer === 'sgd';
  const adam = optimizer === 'adam';
  const momentum = mom > 0;
  // PyTorch's constants as its Python computes them (1 − 0.9 is 0.09999999999999998).
  const beta1 = ADAM_BETA1;
  const beta2 = ADAM_BETA2;
  const oneMinusBeta1 = 1 - beta1;
  const oneMinusBeta2 = 1 - beta2;
  const oneMinusAlpha = 1 - RMSPROP_ALPHA;
  const negligible = NEGLIGIBLE_POWER;
  // Locals, so the check in the loop reads no module binding.
  const maxLoss = DIVERGED_LOSS;
  const maxAbsWeight = DIVERGED_ABS_WEIGHT;
  const record = steps !== null;
  const stepColumn = steps ? steps.step : NO_COLUMN;
  const epochColumn = steps ? steps.epoch : NO_COLUMN;
  const w1Column = steps ? steps.w1 : NO_COLUMN;
  const w2Column = steps ? steps.w2 : NO_COLUMN;
  const batchLossColumn = steps ? steps.batchLoss : NO_COLUMN;
  const lossColumn = steps ? steps.loss : NO_COLUMN;
  let row = steps ? steps.length : 0;
  let { step, batch, repeats, w1, w2, loss, batchLoss, batchLossSum, lastBatch } = state;
  // The optimiser's state in locals (slots as optimizers.ts lays them out):
  // a = first moment or momentum buffer, q = second moment, p = Adam's βᵗ.
  const saved = state.optimizerState;
  let a1 = saved[0];
  let a2 = saved[1];
  let q1 = 0;
  let q2 = 0;
  let p1 = 1;
  let p2 = 1;
  if (!sgd) {
    q1 = saved[2];
    q2 = saved[3];
  }
  if (adam) {
    p1 = saved[4];
    p2 = saved[5];
  }

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
    // Each rule in the operation order of PyTorch's single-tensor code, so a
    // script running torch.optim rounds alike. (PyTorch's CPU kernels may fuse
    // a multiply-add where JavaScript rounds twice: a last-bit difference.)
    if (sgd) {
      // SGD: v = mom·v + g; w −= lr·v (with mom = 0 this is plain w −= lr·g).
      a1 = mom * a1 + g1;
      a2 = mom * a2 + g2;
      w1 -= lr * a1;
      w2 -= lr * a2;
    } else if (adam) {
      // Adam: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g·g; the bias corrections
      // 1 − βᵗ from running products; w −= (lr/(1−β1ᵗ))·m / (√v/√(1−β2ᵗ) + eps).
      p1 *= beta1;
      p2 *= beta2;
      if (p1 < negligible) p1 = 0;
      if (p2 < negligible) p2 = 0;
      a1 = a1 * beta1 + oneMinusBeta1 * g1;
      a2 = a2 * beta1 + oneMinusBeta1 * g2;
      q1 = q1 * beta2 + oneMinusBeta2 * g1 * g1;
      q2 = q2 * beta2 + oneMinusBeta2 * g2 * g2;
      const stepSize = lr / (1 - p1);
      const correction2 = Math.sqrt(1 - p2);
      w1 -= (stepSize * a1) / (Math.sqrt(q1) / correction2 + ADAM_EPS);
      w2 -= (stepSize * a2) / (Math.sqrt(q2) / correction2 + ADAM_EPS);
    } else {
      // RMSprop: s = α·s + (1−α)·g·g; with momentum v = mom·v + g/(√s + eps),
      // w −= lr·v; without, w −= lr·g/(√s + eps).
      q1 = q1 * RMSPROP_ALPHA + oneMinusAlpha * g1 * g1;
      q2 = q2 * RMSPROP_ALPHA + oneMinusAlpha * g2 * g2;
      const avg1 = Math.sqrt(q1) + RMSPROP_EPS;
      const avg2 = Math.sqrt(q2) + RMSPROP_EPS;
      if (momentum) {
        a1 = a1 * mom + g1 / avg1;
        a2 = a2 * mom + g2 / avg2;
        w1 -= lr * a1;
        w2 -= lr * a2;
      } else {
        w1 -= (lr * g1) / avg1;
        w2 -= (lr * g2) / avg2;
      }
    }
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
    if (!(loss <= maxLoss && Math.abs(w1) <= maxAbsWeight && Math.abs(w2) <= maxAbsWeight)) {
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
  state.step = step;
  state.batch = batch;
  state.repeats = repeats;
  state.lastBatch = lastBatch;
  state.w1 = w1;
  state.w2 = w2;
  saved[0] = a1;
  saved[1] = a2;
  if (!sgd) {
    saved[2] = q1;
    saved[3] = q2;
  }
  if (adam) {
    saved[4] = p1;
    saved[5] = p2;
  }
  state.loss = loss;
  state.batchLoss = batchLoss;
  state.batchLossSum = batchLossSum;
  state.ranAway = ranAway;
  return taken;
}
