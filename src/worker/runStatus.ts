// The status words the runner reports, for each run and for the whole set.
// A run that is done or diverged says so; the others share the play state.
import type { RunStatusReport, WorkerStatus } from './protocol.ts';
import { allStopped, type RunSlot } from './runSlot.ts';

/** What the runs are doing as the page asked: not started, playing (or seeking), or paused. */
export type PlayState = 'idle' | 'running' | 'paused';

function runStatus(slot: RunSlot, failure: string | null, playState: PlayState): WorkerStatus {
  if (failure !== null) return 'error';
  if (slot.trainer.status === 'done' || slot.trainer.status === 'diverged') return slot.trainer.status;
  return playState;
}

export function runStatusReports(runs: readonly RunSlot[], failure: string | null, playState: PlayState): RunStatusReport[] {
  return runs.map((slot) => ({
    id: slot.id,
    status: runStatus(slot, failure, playState),
    message: failure ?? slot.trainer.divergence?.message ?? null,
  }));
}

/** Done once every run has stopped (diverged if all of them did). */
export function overallStatus(runs: readonly RunSlot[], failure: string | null, playState: PlayState): WorkerStatus {
  if (failure !== null) return 'error';
  if (runs.length && allStopped(runs)) {
    return runs.every((r) => r.trainer.status === 'diverged') ? 'diverged' : 'done';
  }
  return playState;
}
