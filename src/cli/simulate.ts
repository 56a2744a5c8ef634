// Drives a trainer to the end for the CLI. Memory stays bounded however long
// the run: per-step rows pass through one reused buffer, and only the
// per-epoch rows (at most MAX_EPOCHS) are kept.
import { createEpochRecords, createStepRecords } from '../core/records.ts';
import type { StepRecords } from '../core/records.ts';
import type { Trainer } from '../core/types.ts';
import { reportOfTrainer } from '../core/runReport.ts';
import type { RunReport } from '../core/runReport.ts';

/** Rows per step chunk: big enough that the per-chunk overhead vanishes, small enough to stay in cache. */
export const STEP_CHUNK_ROWS = 4096;
/** Steps per advance() call when no step rows are wanted; bounds the time between checks. */
const STEPS_PER_CALL = 1 << 20;
/** With a progress line, calls are shorter so it moves smoothly (the overhead per call is still negligible). */
const STEPS_PER_CALL_WITH_PROGRESS = 1 << 15;

/**
 * Receives each chunk of step rows; the buffer is reused, so copy what you
 * keep. Returning false stops the run early (the reader went away).
 */
export type StepSink = (steps: StepRecords) => boolean | Promise<boolean>;

/** Runs the trainer to its end (or divergence), feeding step rows to `sink` when given and the step reached to `progress`. */
export async function simulate(trainer: Trainer, sink?: StepSink, progress?: (step: number) => void): Promise<RunReport> {
  const { settings } = trainer;
  const epochs = createEpochRecords(settings.epochs);
  const steps = sink ? createStepRecords(STEP_CHUNK_ROWS) : null;
  while (trainer.status === 'running') {
    if (steps) steps.length = 0;
    const taken = trainer.advance(steps ? STEP_CHUNK_ROWS : progress ? STEPS_PER_CALL_WITH_PROGRESS : STEPS_PER_CALL, steps, epochs);
    progress?.(trainer.step);
    if (steps && sink && steps.length > 0 && !(await sink(steps))) break;
    if (taken === 0 && trainer.status === 'running') {
      throw new Error(`the trainer made no progress at step ${trainer.step} while still running`);
    }
  }
  return reportOfTrainer(trainer, epochs);
}
