// The hot loop of training: a run of mini-batch SGD steps inside one epoch,
// one recorded row per step. It keeps its state in locals and typed arrays
// and allocates nothing, so recording every step costs little next to the
// arithmetic itself. The trainer (trainer.ts) decides how many steps to take
// and handles epochs, buffers and status around it.
import type { Settings } from './settings.ts';
import type { Dataset, SufficientStats } from './types.ts';
import type { StepRecords } from './records.ts';
import type { BatchOrder } from './batchOrder.ts';
import { DIVERGED_ABS_WEIGHT, DIVERGED_LOSS } from './divergence.ts';

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
  v1: number;
  v2: number;
  /** Full-data loss at (w1, w2). */
  loss: number;
  /** Loss of the last step's batch, before that step (NaN before the first). */
  batchLoss: number;
  /** Sum of this epoch's batch losses so far. */
  batchLossSum: number;
  /** The last step took the loss or a weight past the divergence limits; no step follows it. */
  ranAway: boolean;
}

export function initialSgdState(w1: number, w2: number, loss: number): SgdState {
  return { step: 0, batch: 0, repeats: 0, lastBatch: -1, w1, w2, v1: 0, v2: 0, loss, batchLoss: NaN, batchLossSum: 0, ranAway: false };
}

const NO_COLUMN = new Float64Array(0);

/**
 * Up to `count` steps at rate `lr`, all inside epoch `epochNumber` (1-based).
 * Every line of the loop runs on every step, so the optimiser has seen all of
 * it before compiling and never has to fall back. Returns the steps taken;
 * it stops early only when the weights or the loss ran away past the
 * divergence limits, and then sets state.ranAway.
 */
export function runSgdSteps(inputs: SgdInputs, state: SgdState, lr: number, epochNumber: number, count: number, steps: StepRecords | null): number {
  const { deep } = inputs;
  const { x1, x2, y } = inputs.data;
  const { xx11, xx12, xx22, xy1, xy2, yy } = inputs.stats;
  const { order, bounds } = inputs.batchOrder;
  const { mom, k } = inputs.settings;
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
  let { step, batch, repeats, w1, w2, v1, v2, loss, batchLoss, batchLossSum, lastBatch } = state;

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
  state.v1 = v1;
  state.v2 = v2;
  state.loss = loss;
  state.batchLoss = batchLoss;
  state.batchLossSum = batchLossSum;
  state.ranAway = ranAway;
  return taken;
}
