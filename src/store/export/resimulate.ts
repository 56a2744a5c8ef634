// Exports never read the page's step series: long runs keep only thinned
// level-of-detail rows there. The engine is deterministic, so running the
// same settings again up to the same step gives every step exactly.
import { createEpochRecords, createStepRecords, createTrainer } from '../../core/index.ts';
import type { Settings, StepRecords } from '../../core/index.ts';
import { appendStartRow, reportOfTrainer } from '../../core/runReport.ts';
import type { RunReport } from '../../core/runReport.ts';

export interface Resimulated {
  readonly report: RunReport;
  /** Every step, from 0 (the starting state, see appendStartRow) to report.final.step. */
  readonly steps: StepRecords;
}

/**
 * The run with these settings from step 0 to `upToStep` (or to its end or its
 * divergence, whichever comes first). `upToStep` must be a whole number ≥ 0;
 * the caller bounds it (see limits.ts), since every step is computed again.
 */
export function resimulate(settings: Settings, upToStep: number): Resimulated {
  const trainer = createTrainer(settings);
  const target = Math.min(upToStep, trainer.schedule.totalSteps);
  const steps = createStepRecords(target + 1);
  appendStartRow(trainer, steps);
  const epochs = createEpochRecords(Math.min(settings.epochs, Math.floor(target / trainer.schedule.stepsPerEpoch) + 1));
  while (trainer.status === 'running' && trainer.step < target) {
    if (trainer.advance(target - trainer.step, steps, epochs) === 0) {
      throw new Error(`the trainer made no progress at step ${trainer.step} while still running`);
    }
  }
  return { report: reportOfTrainer(trainer, epochs), steps };
}
