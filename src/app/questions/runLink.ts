// A question's runs computed from its link exactly as the page runs them: the
// link parsed by the page's own parser, each run trained to its end by the
// engine, and reported in the shape the page's JSON export has. Pure and
// synchronous, for the unit tests and the CLI-free checks of the claims.
import { createEpochRecords, createStepRecords, createTrainer } from '../../core/index.ts';
import type { Settings } from '../../core/index.ts';
import { reportOfTrainer, reportWithSteps } from '../../core/runReport.ts';
import type { RunExportJson } from '../../core/runReport.ts';
import { linkRunSettings } from './linkSettings.ts';

/** What a claim reads: one run's report with every step, as the page exports it. */
export type RunResult = RunExportJson;

/** One run from step 0 to its end (or divergence), every step recorded. */
export function runToEnd(settings: Settings): RunResult {
  const trainer = createTrainer(settings);
  const steps = createStepRecords(Math.max(1, trainer.schedule.totalSteps));
  const epochs = createEpochRecords(settings.epochs);
  while (trainer.status === 'running') {
    if (trainer.advance(Infinity, steps, epochs) === 0) throw new Error(`the trainer made no progress at step ${trainer.step}`);
  }
  return JSON.parse(JSON.stringify(reportWithSteps(reportOfTrainer(trainer, epochs), steps))) as RunResult;
}

/** Every run of the link to its end; with `seed`, every run uses that seed instead of the link's. */
export function runLink(link: string, seed?: number): RunResult[] {
  return linkRunSettings(link).map((settings) => runToEnd(seed === undefined ? settings : { ...settings, seed }));
}
