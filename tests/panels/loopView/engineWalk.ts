// Walks the real engine one gradient step at a time and hands each state to a
// check, as the page's "step" button would, so the loop view's rules are
// tested against what the engine does rather than against their own formulas.
import { createTrainer, DEFAULT_SETTINGS, type Settings, type Trainer } from '../../../src/core/index.ts';
import type { RunCursor } from '../../../src/store/runTypes.ts';
import { cursorSnapshot } from '../../../src/worker/cursorSnapshot.ts';

export function settingsWith(changes: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...changes };
}

/** The cursor the worker reports for the trainer's state. */
export function cursorOf(trainer: Trainer): RunCursor {
  return cursorSnapshot(trainer);
}

/** Calls `visit` before the first step and after every step, up to `steps` steps. */
export function walk(settings: Settings, steps: number, visit: (trainer: Trainer, cursor: RunCursor) => void): void {
  const trainer = createTrainer(settings);
  visit(trainer, cursorOf(trainer));
  for (let i = 0; i < steps && trainer.status === 'running'; i++) {
    trainer.advance(1, null, null);
    visit(trainer, cursorOf(trainer));
  }
}
