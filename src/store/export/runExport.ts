// The text of each export, as pure functions of a run's settings and the step
// it reached. Two runs with equal settings at the same step export equal
// text, which is why a run restored from a link exports exactly the JSON of
// the run the link was copied from. (A link leaves out settings that cannot
// change the run, rho on line data and drop where b divides n; the page that
// held such a value exports it in `settings`, with the same steps.)
import type { EpochRecords, Settings } from '../../core/index.ts';
import { epochCsvHeader, epochCsvRows, hasValidation, reportWithSteps, settingsCsvComment, stepCsvHeader, stepCsvRows } from '../../core/runReport.ts';
import type { RunExportJson } from '../../core/runReport.ts';
import { runNames } from '../runNames.ts';
import type { RunAtStep } from './exportTypes.ts';
import { stepsExportRefusal } from './limits.ts';
import { resimulate } from './resimulate.ts';

/** Thrown when a per-step export is asked for beyond the limits; check stepsExportRefusal first to avoid it. */
export class ExportRefusedError extends Error {
  override readonly name = 'ExportRefusedError';
}

function refuseOverLimits(runs: readonly RunAtStep[]): void {
  const names = runNames(runs.map((run) => run.settings));
  const refusal = stepsExportRefusal(runs.map((run, i) => ({ ...run, name: names[i] })));
  if (refusal !== null) throw new ExportRefusedError(refusal);
}

function exportObject(settings: Settings, upToStep: number): RunExportJson {
  const { report, steps } = resimulate(settings, upToStep);
  return reportWithSteps(report, steps);
}

/**
 * The run's report (the CLI's --json object) at `upToStep`, or at its end or
 * divergence if that comes first, plus every step column by column; a run
 * that has not finished carries status 'stopped' and stoppedAtStep. One line
 * of JSON with a final newline; non-finite numbers are written as null.
 * Throws ExportRefusedError beyond the limits of limits.ts.
 */
export function runExportJson(settings: Settings, upToStep: number): string {
  refuseOverLimits([{ settings, step: upToStep }]);
  return `${JSON.stringify(exportObject(settings, upToStep))}\n`;
}

/** Every run in one JSON array, in order; element i is exactly runExportJson of run i. Limits apply to the runs together. */
export function allRunsJson(runs: readonly RunAtStep[]): string {
  refuseOverLimits(runs);
  return `${JSON.stringify(runs.map((run) => exportObject(run.settings, run.step)))}\n`;
}

/** `# settings: …`, the CLI's --csv header, then one row per step up to `upToStep`. Throws ExportRefusedError beyond the limits. */
export function runStepsCsv(settings: Settings, upToStep: number): string {
  refuseOverLimits([{ settings, step: upToStep }]);
  const { steps } = resimulate(settings, upToStep);
  const withValLoss = hasValidation(settings);
  return settingsCsvComment(settings) + stepCsvHeader(withValLoss) + stepCsvRows(steps, withValLoss);
}

/**
 * `# settings: …`, the header `epoch,step,loss,meanBatchLoss,w1,w2` (then
 * `,valLoss` for a run with a validation set, as the CLI's), then one row per completed epoch. Takes the page's epoch records, which are never
 * thinned, so it needs no recomputation and is never refused.
 */
export function runEpochsCsv(settings: Settings, epochs: EpochRecords): string {
  const withValLoss = hasValidation(settings);
  return settingsCsvComment(settings) + epochCsvHeader(withValLoss) + epochCsvRows(epochs, withValLoss);
}
