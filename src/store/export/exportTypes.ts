// What an export needs to know of a run: its settings and the step it has
// reached. Everything else is computed again from these two.
import type { Settings } from '../../core/index.ts';

export interface RunAtStep {
  readonly settings: Settings;
  /** Gradient steps taken (the run's cursor); the export holds steps 1 … step. */
  readonly step: number;
}

/** A run as the page names it, for file names and messages. */
export interface NamedRunAtStep extends RunAtStep {
  readonly name: string;
}
