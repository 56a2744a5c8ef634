// Shared helpers of the core tests: settings from the defaults, and whole runs recorded.
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { Settings } from '../../src/core/settings.ts';
import { createTrainer } from '../../src/core/trainer.ts';
import { createEpochRecords, createStepRecords } from '../../src/core/records.ts';
import type { EpochRecords, StepRecords } from '../../src/core/records.ts';
import type { Trainer } from '../../src/core/types.ts';

export function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, w0: [DEFAULT_SETTINGS.w0[0], DEFAULT_SETTINGS.w0[1]], ...overrides };
}

export interface RecordedRun {
  trainer: Trainer;
  steps: StepRecords;
  epochs: EpochRecords;
}

/** Trains to the end (or divergence) in one call, recording every step and epoch. */
export function recordRun(settings: Settings, upToStep = Infinity): RecordedRun {
  const trainer = createTrainer(settings);
  const steps = createStepRecords(Math.max(1, Math.min(upToStep, trainer.schedule.totalSteps)));
  const epochs = createEpochRecords(settings.epochs);
  trainer.advance(upToStep, steps, epochs);
  return { trainer, steps, epochs };
}

/** The batches of every epoch, recorded by stepping one at a time (k = 1 assumed). */
export function recordBatches(settings: Settings): number[][][] {
  const trainer = createTrainer(settings);
  const epochs: number[][][] = [];
  while (trainer.advance(1, null, null) === 1) {
    if (trainer.batchInEpoch === 1) epochs.push([]);
    epochs[epochs.length - 1].push(Array.from(trainer.currentBatch()));
  }
  return epochs;
}

export function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

/** Largest relative difference between two columns over their first `length` rows. */
export function maxRelativeDifference(a: Float64Array, b: Float64Array, length: number): number {
  let worst = 0;
  for (let i = 0; i < length; i++) worst = Math.max(worst, a[i] === b[i] ? 0 : relativeDifference(a[i], b[i]));
  return worst;
}
