// Runs the CLI refuses before starting, because they would take hours and
// the user almost certainly mistyped a number. The web page has its own
// budget; these only guard the command line.
import type { Schedule } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';

/** Gradient steps: ~1e9 steps is tens of minutes of pure computing and hundreds of GB of CSV. */
export const MAX_CLI_TOTAL_STEPS = 1e9;
/** Example gradients evaluated (steps × batch size): a few minutes of arithmetic at most. */
export const MAX_CLI_EXAMPLE_GRADIENTS = 2e10;

/** Example gradients a run evaluates: every step touches one batch, k times per batch. */
export function exampleGradients(settings: Settings, schedule: Schedule): number {
  return settings.epochs * settings.k * schedule.examplesPerEpoch;
}

/** Why the run is too large for the command line, or null when it is fine. */
export function runTooLarge(settings: Settings, schedule: Schedule): string | null {
  if (schedule.totalSteps > MAX_CLI_TOTAL_STEPS) {
    return `${schedule.totalSteps.toExponential(2)} gradient steps (epochs × steps per epoch = ${settings.epochs} × ${schedule.stepsPerEpoch}) is more than the command line's limit of ${MAX_CLI_TOTAL_STEPS.toLocaleString('en-US')}; lower --epochs or --k, or raise --b`;
  }
  const work = exampleGradients(settings, schedule);
  if (work > MAX_CLI_EXAMPLE_GRADIENTS) {
    return `${work.toExponential(2)} example gradients (steps × batch size) is more than the command line's limit of ${MAX_CLI_EXAMPLE_GRADIENTS.toLocaleString('en-US')}; lower --epochs, --k or --n`;
  }
  return null;
}
