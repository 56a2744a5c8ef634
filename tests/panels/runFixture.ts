// RunViews for panel tests, made by running the real engine, so the tests
// see the same rows (and the same divergence) the store hands the panels.
import { createEpochRecords, createStepRecords, createTrainer, DEFAULT_SETTINGS, type Settings } from '../../src/core/index.ts';
import type { RunView } from '../../src/store/runTypes.ts';

export function trainedRun(overrides: Partial<Settings> = {}, steps = Infinity, id = 'run'): RunView {
  const settings: Settings = { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...overrides };
  const trainer = createTrainer(settings);
  const capacity = Math.min(trainer.schedule.totalSteps, steps);
  const rows = createStepRecords(Math.max(1, capacity));
  const epochs = createEpochRecords(Math.max(1, settings.epochs));
  if (capacity > 0) trainer.advance(capacity, rows, epochs);
  const batch = trainer.step > 0 ? trainer.currentBatch().slice(0, 1000) : new Uint32Array(0);
  return {
    id,
    name: id,
    color: '#1f77b4',
    visible: true,
    settings,
    schedule: trainer.schedule,
    byLoss: rows,
    byBatchLoss: rows,
    epochs,
    cursor: {
      step: trainer.step,
      epoch: trainer.epoch,
      batchInEpoch: trainer.batchInEpoch,
      w1: trainer.w1,
      w2: trainer.w2,
      loss: trainer.loss,
      batchLoss: trainer.batchLoss,
      lr: trainer.lr,
      batch,
      batchSize: batch.length,
    },
    status: trainer.status === 'running' ? 'paused' : trainer.status,
    message: trainer.divergence?.message ?? null,
    version: trainer.step,
  };
}
