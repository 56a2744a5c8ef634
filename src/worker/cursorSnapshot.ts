// Where a trainer stands, as the worker reports it to the page.
import type { Trainer } from '../core/types.ts';
import { MAX_BATCH_INDICES, type CursorSnapshot } from './protocol.ts';

export function cursorSnapshot(trainer: Trainer): CursorSnapshot {
  const batch = trainer.currentBatch();
  return {
    step: trainer.step,
    epoch: trainer.epoch,
    batchInEpoch: trainer.batchInEpoch,
    w1: trainer.w1,
    w2: trainer.w2,
    loss: trainer.loss,
    batchLoss: trainer.batchLoss,
    lr: trainer.lr,
    valLoss: trainer.valLoss,
    // A copy: the trainer's view changes with the next step, and the chunk transfers what it holds.
    batch: batch.slice(0, MAX_BATCH_INDICES),
    batchSize: batch.length,
  };
}
