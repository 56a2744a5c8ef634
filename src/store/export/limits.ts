// Per-step exports are computed again on the page's main thread and held as
// one string, so they are bounded twice: by rows (file size; one step is about
// 90 bytes of JSON or CSV) and by recomputation (steps × batch size, the
// arithmetic the trainer repeats). The epochs CSV comes from the page's own
// epoch records, is at most MAX_EPOCHS rows, and is never refused.
import { createSchedule } from '../../core/schedule.ts';
import { settingsToEntries } from '../../core/settingsText.ts';
import type { Settings } from '../../core/settings.ts';
import type { NamedRunAtStep } from './exportTypes.ts';

/** Steps in one file: about 90 MB of text; measured 1.5 s to write as JSON, 3.5 s as CSV, on a busy two-core machine. */
export const MAX_EXPORT_STEPS = 1_000_000;
/** Example gradients recomputed for one file: about a second (measured 7–30 million a second with large batches). */
export const MAX_EXPORT_WORK = 10_000_000;
/** Measured size of one step's row in the JSON and the CSV (six shortest-form doubles). */
export const BYTES_PER_EXPORTED_STEP = 90;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Whether `step` can be where a run stands: a whole number ≥ 0. */
export function isStepCount(step: number): boolean {
  return Number.isSafeInteger(step) && step >= 0;
}

/** Steps an export of the run computes again: its step, or its last step if that comes first. */
export function stepsToRecompute(settings: Settings, step: number): number {
  return Math.min(step, createSchedule(settings).totalSteps);
}

/** Example gradients an export recomputes: each step evaluates one batch of at most b examples. */
export function recomputeWork(settings: Settings, step: number): number {
  return stepsToRecompute(settings, step) * settings.b;
}

/** The command that writes every step of the whole run, however long: the CLI streams its CSV. */
export function simCsvCommand(settings: Settings): string {
  return ['npm run sim -- --csv', ...settingsToEntries(settings).map(([name, value]) => `--${name}=${value}`)].join(' ');
}

const EPOCHS_INSTEAD = 'The epochs CSV has every epoch end';

/**
 * Why one file with every step of these runs is refused, or null when it is
 * within the limits. Checked before any work, so a refusal costs nothing.
 */
export function stepsExportRefusal(runs: readonly NamedRunAtStep[]): string | null {
  for (const run of runs) {
    if (!isStepCount(run.step)) return `“${run.name}” cannot be exported: its step (${String(run.step)}) is not a whole number ≥ 0.`;
  }
  const steps = runs.reduce((sum, run) => sum + stepsToRecompute(run.settings, run.step), 0);
  const work = runs.reduce((sum, run) => sum + recomputeWork(run.settings, run.step), 0);
  const size = `about ${Math.round((MAX_EXPORT_STEPS * BYTES_PER_EXPORTED_STEP) / 1e6)} MB`;
  if (runs.length === 1) {
    const [run] = runs;
    const wholeRun = `${EPOCHS_INSTEAD}; for every step, the command line writes the whole run: ${simCsvCommand(run.settings)}`;
    if (steps > MAX_EXPORT_STEPS) {
      return `“${run.name}” is at step ${count(steps)}: a per-step export holds at most ${count(MAX_EXPORT_STEPS)} steps (${size}). ${wholeRun}`;
    }
    if (work > MAX_EXPORT_WORK) {
      return `Exporting “${run.name}” means computing its ${count(steps)} steps again on batches of ${count(run.settings.b)} examples (${work.toExponential(1)} example gradients), more than an export's limit of ${count(MAX_EXPORT_WORK)}. ${wholeRun}`;
    }
    return null;
  }
  const others = `Hide some runs, or use the epochs CSV, which has every epoch end.`;
  if (steps > MAX_EXPORT_STEPS) {
    return `The ${runs.length} runs are at ${count(steps)} steps together: one file holds at most ${count(MAX_EXPORT_STEPS)} steps (${size}). ${others}`;
  }
  if (work > MAX_EXPORT_WORK) {
    return `Exporting the ${runs.length} runs means computing ${work.toExponential(1)} example gradients again (steps × batch size), more than an export's limit of ${count(MAX_EXPORT_WORK)}. ${others}`;
  }
  return null;
}
