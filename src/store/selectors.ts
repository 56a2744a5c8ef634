// Read-only views of the store for panels and controls.
import type { LabState } from './store.ts';
import type { RunView } from './runTypes.ts';
import { shownRuns } from './scrub.ts';

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
export function selectCanAdvance(state: Pick<LabState, 'playback' | 'error' | 'timeline'>): boolean {
  const { status } = state.playback;
  // Looking back at a finished run, there is still a way on: from the step looked at.
  if (state.error === null && state.timeline) return true;
  return state.error === null && status !== 'done' && status !== 'diverged' && status !== 'error';
}

// One answer per (runs, timeline) pair, so components that select the shown runs re-render only when either changes.
const shownCache = new WeakMap<readonly RunView[], { timeline: LabState['timeline']; runs: readonly RunView[] }>();

/** The runs as the page shows them: now, or at the step the timeline looks at. */
export function selectShownRuns(state: Pick<LabState, 'runs' | 'timeline'>): readonly RunView[] {
  const cached = shownCache.get(state.runs);
  if (cached && cached.timeline === state.timeline) return cached.runs;
  const runs = shownRuns(state.runs, state.timeline);
  shownCache.set(state.runs, { timeline: state.timeline, runs });
  return runs;
}

/** The primary run as the page shows it. */
export function selectShownPrimaryRun(state: Pick<LabState, 'runs' | 'timeline' | 'primaryRunId'>): RunView | null {
  return primaryRun(selectShownRuns(state), state.primaryRunId) ?? null;
}

/**
 * The moment a link records: the step looked at, or the primary run's step
 * while paused part-way (not at 0, not at the end, which the runs reach anyway).
 */
export function selectMoment(state: Pick<LabState, 'runs' | 'timeline' | 'primaryRunId' | 'playback'>): number | undefined {
  if (state.timeline) return state.timeline.step > 0 ? state.timeline.step : undefined;
  const primary = selectPrimaryRun(state);
  if (!primary || state.playback.status !== 'paused') return undefined;
  const { step } = primary.cursor;
  return step > 0 && step < primary.schedule.totalSteps ? step : undefined;
}
