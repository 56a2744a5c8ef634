// Read-only views of the store for panels and controls.
import type { LabState } from './store.ts';
import type { RunView } from './runTypes.ts';

/**
 * The run the settings describe among `runs`, else the first of them: the one
 * rule for which run the status line, the charts and the captions single out.
 * Pass the visible runs to single out a visible one; `idOf` reads the run id of
 * items that wrap a run.
 */
export function primaryRun<T extends { readonly id: string }>(runs: readonly T[], primaryRunId: string | null | undefined): T | undefined;
export function primaryRun<T>(items: readonly T[], primaryRunId: string | null | undefined, idOf: (item: T) => string): T | undefined;
export function primaryRun<T>(items: readonly T[], primaryRunId: string | null | undefined, idOf = (item: T) => (item as { readonly id: string }).id): T | undefined {
  return items.find((item) => idOf(item) === primaryRunId) ?? items[0];
}

/** The run the settings describe, or the first run. */
export function selectPrimaryRun(state: Pick<LabState, 'runs' | 'primaryRunId'>): RunView | null {
  return primaryRun(state.runs, state.primaryRunId) ?? null;
}

/** Whether play, step and stepEpoch can do anything. */
export function selectCanAdvance(state: Pick<LabState, 'playback' | 'error'>): boolean {
  const { status } = state.playback;
  return state.error === null && status !== 'done' && status !== 'diverged' && status !== 'error';
}
