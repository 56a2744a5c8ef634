// A run positioned at any step, replayed exactly: from its start, or from a
// checkpoint at or before the step, which is what makes going back cheap.
import type { Settings } from './settings.ts';
import type { EpochRecords } from './records.ts';
import type { Trainer } from './types.ts';
import type { TrainerCheckpoint } from './checkpoint.ts';
import { createTrainer, resumeTrainer } from './trainer.ts';

export interface StateAtOptions {
  /** Receives a row for every epoch completed between the start point and `step` (must have room for them). */
  readonly epochs?: EpochRecords | null;
  /** A trainer of the same settings whose data set is reused rather than regenerated. */
  readonly sameRun?: Trainer;
}

/**
 * The trainer of `settings` after exactly `step` steps, or where it stopped
 * if it diverged or ended earlier (check trainer.step). It starts from `from`
 * when that checkpoint is at or before `step`, otherwise from the beginning,
 * so the answer is the same either way; only the cost differs.
 */
export function stateAt(settings: Settings, step: number, from?: TrainerCheckpoint | null, options: StateAtOptions = {}): Trainer {
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`a step must be a whole number ≥ 0 (got ${step})`);
  const trainer = from && from.step <= step ? resumeTrainer(settings, from, options.sameRun) : createTrainer(settings, options.sameRun);
  const epochs = options.epochs ?? null;
  while (trainer.status === 'running' && trainer.step < step) {
    if (trainer.advance(step - trainer.step, null, epochs) === 0) {
      throw new RangeError(`the epoch records are full at step ${trainer.step}; give room for every epoch up to step ${step}`);
    }
  }
  return trainer;
}
