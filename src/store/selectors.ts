// Read-only views of the store for panels and controls. Selectors that build
// arrays remember their last answer: React's useSyncExternalStore (behind
// Zustand's hook) re-renders forever if a selector returns a new array each time.
import { approxNumber } from '../core/index.ts';
import type { LabState } from './store.ts';
import type { RunStatus, RunView } from './runTypes.ts';

function memoOnRuns<T>(compute: (runs: readonly RunView[]) => T): (state: Pick<LabState, 'runs'>) => T {
  let lastRuns: readonly RunView[] | null = null;
  let last: T;
  return (state) => {
    if (state.runs !== lastRuns) {
      lastRuns = state.runs;
      last = compute(state.runs);
    }
    return last;
  };
}

/** The runs drawn on the charts, in display order (same array until a run changes). */
export const selectVisibleRuns = memoOnRuns((runs) => runs.filter((r) => r.visible));

/** The run the settings describe, or the first run. */
export function selectPrimaryRun(state: Pick<LabState, 'runs' | 'primaryRunId'>): RunView | null {
  return state.runs.find((r) => r.id === state.primaryRunId) ?? state.runs[0] ?? null;
}

export function selectRun(id: string): (state: Pick<LabState, 'runs'>) => RunView | null {
  return (state) => state.runs.find((r) => r.id === id) ?? null;
}

/** True while more than one run is on the charts. */
export function selectIsComparing(state: Pick<LabState, 'runs'>): boolean {
  return state.runs.length > 1;
}

/** Whether play, step and stepEpoch can do anything. */
export function selectCanAdvance(state: Pick<LabState, 'playback' | 'error'>): boolean {
  const { status } = state.playback;
  return state.error === null && status !== 'done' && status !== 'diverged' && status !== 'error';
}

const STATUS_WORDS: Readonly<Record<RunStatus, string>> = {
  idle: 'Ready',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  diverged: 'Diverged',
  error: 'Stopped by an error',
};

/**
 * One plain-text sentence on where training stands, for a live region or a
 * title: the worker's error when there is one, else the primary run's status,
 * step, epoch and loss, and why it diverged if it did.
 */
export function selectStatusLine(state: Pick<LabState, 'runs' | 'primaryRunId' | 'playback' | 'error'>): string {
  if (state.error) return state.error;
  const run = selectPrimaryRun(state);
  if (!run) return STATUS_WORDS[state.playback.status];
  const { cursor, schedule, settings } = run;
  const parts = [
    STATUS_WORDS[state.playback.status],
    `step ${cursor.step.toLocaleString('en-US')} of ${schedule.totalSteps.toLocaleString('en-US')}`,
    `epoch ${cursor.epoch.toLocaleString('en-US')} of ${settings.epochs.toLocaleString('en-US')} done`,
  ];
  if (Number.isFinite(cursor.loss)) parts.push(`loss ${approxNumber(cursor.loss)}`);
  const line = parts.join(' · ');
  return run.status === 'diverged' && run.message ? `${line}. ${run.message}` : line;
}
