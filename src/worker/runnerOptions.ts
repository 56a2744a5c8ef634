// What a TrainingRunner is built with: where its messages go, its clock, and
// the parts tests replace.
import type { Settings } from '../core/settings.ts';
import type { DataLender, Trainer } from '../core/types.ts';
import type { CheckpointEngine } from './checkpoints.ts';
import type { PostMessage } from './outbox.ts';
import type { Scheduler } from './scheduler.ts';

export interface RunnerOptions {
  post: PostMessage;
  scheduler?: Scheduler;
  /** Builds a trainer; `lender`, when given, is a trainer on the same data settings whose data sets it should borrow. */
  createTrainer?: (settings: Settings, lender?: DataLender) => Trainer;
  /** Overrides MAX_ROUND_STEPS (tests use small rounds). */
  maxRoundSteps?: number;
  /**
   * Send a chunk only once the page has acknowledged the previous one. The
   * page acks after drawing, so however slow its machine, messages never
   * queue up ahead of its frames; training goes on meanwhile, and the next
   * chunk carries what the view can draw of all of it.
   */
  flowControl?: boolean;
  /** How trainers are saved and restored for replay (default: the engine's); with null, a replay starts from step 0. */
  checkpoints?: CheckpointEngine | null;
}
