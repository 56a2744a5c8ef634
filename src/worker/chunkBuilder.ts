// Collects one run's records between two chunks. The arrays are transferred to
// the page with the chunk, which detaches them here, so every chunk starts
// from fresh arrays; growing by doubling keeps that to a few allocations per
// chunk, and the size of the previous chunk is the first guess for the next.
import { createEpochRecords, createStepRecords, EPOCH_COLUMNS, STEP_COLUMNS, type EpochRecords, type StepRecords } from '../core/records.ts';

const MIN_CAPACITY = 64;

export interface TakenRecords {
  steps: StepRecords;
  epochs: EpochRecords;
  /** The buffers of both, for postMessage's transfer list. */
  transfer: ArrayBuffer[];
}

function grownSteps(from: StepRecords, capacity: number): StepRecords {
  const to = createStepRecords(capacity);
  for (const column of STEP_COLUMNS) to[column].set(from[column].subarray(0, from.length));
  to.length = from.length;
  return to;
}

function grownEpochs(from: EpochRecords, capacity: number): EpochRecords {
  const to = createEpochRecords(capacity);
  for (const column of EPOCH_COLUMNS) to[column].set(from[column].subarray(0, from.length));
  to.length = from.length;
  return to;
}

export class ChunkBuilder {
  steps: StepRecords = createStepRecords(0);
  epochs: EpochRecords = createEpochRecords(0);
  private sizeHint = MIN_CAPACITY;

  /**
   * Makes room for `moreSteps` further steps and for every epoch they can
   * complete, so the trainer never stops early for lack of space.
   */
  reserve(moreSteps: number, stepsPerEpoch: number): void {
    const needSteps = this.steps.length + moreSteps;
    if (needSteps > this.steps.capacity) {
      this.steps = grownSteps(this.steps, Math.max(needSteps, this.steps.capacity * 2, this.sizeHint));
    }
    const needEpochs = this.epochs.length + Math.ceil(moreSteps / stepsPerEpoch) + 1;
    if (needEpochs > this.epochs.capacity) {
      this.epochs = grownEpochs(this.epochs, Math.max(needEpochs, this.epochs.capacity * 2, MIN_CAPACITY));
    }
  }

  /** Hands over the collected rows with every column exactly as long as the rows, and starts afresh. */
  take(): TakenRecords {
    const steps = this.steps.length === this.steps.capacity ? this.steps : grownSteps(this.steps, this.steps.length);
    const epochs = this.epochs.length === this.epochs.capacity ? this.epochs : grownEpochs(this.epochs, this.epochs.length);
    this.sizeHint = Math.max(MIN_CAPACITY, steps.length);
    this.steps = createStepRecords(0);
    this.epochs = createEpochRecords(0);
    const transfer: ArrayBuffer[] = [];
    for (const column of STEP_COLUMNS) transfer.push(steps[column].buffer as ArrayBuffer);
    for (const column of EPOCH_COLUMNS) transfer.push(epochs[column].buffer as ArrayBuffer);
    return { steps, epochs, transfer };
  }
}
