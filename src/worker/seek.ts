// The exact state of a run at a step it has already passed, for the page's
// timeline. The engine is deterministic, so the state is recovered by training
// a fresh trainer of the same settings to that step, without records; the
// run being trained is not touched.
import type { Settings } from '../core/settings.ts';
import type { Trainer } from '../core/types.ts';
import { cursorSnapshot } from './cursorSnapshot.ts';
import type { CursorSnapshot, SeekCursor, SeekTarget } from './protocol.ts';
import type { RunSlot } from './runSlot.ts';

/** The cursor of a run with these settings after `step` steps (or where it stopped, if it ended earlier). */
export function cursorAtStep(settings: Settings, step: number, makeTrainer: (settings: Settings) => Trainer): CursorSnapshot {
  const trainer = makeTrainer(settings);
  while (trainer.status === 'running' && trainer.step < step) {
    if (trainer.advance(step - trainer.step, null, null) === 0) break;
  }
  return cursorSnapshot(trainer);
}

/** The answer to a seek: every named run the worker has, at its step (runs that have not got there yet are left out). */
export function seekCursors(targets: readonly SeekTarget[], runs: readonly RunSlot[], makeTrainer: (settings: Settings) => Trainer): SeekCursor[] {
  const cursors: SeekCursor[] = [];
  for (const target of targets) {
    const slot = runs.find((r) => r.id === target.id);
    if (!slot || target.step > slot.trainer.step) continue;
    const cursor = target.step === slot.trainer.step ? cursorSnapshot(slot.trainer) : cursorAtStep(slot.settings, target.step, makeTrainer);
    cursors.push({ id: slot.id, cursor });
  }
  return cursors;
}
