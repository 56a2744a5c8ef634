// The shape of the store, one interface per slice (Zustand's slices pattern):
// the run roster, the settings, playback, and the worker link. LabState is
// what the page reads; StoreState is the same state as the store holds it.
import type { StateCreator } from 'zustand';
import type { Problem, Settings } from '../core/index.ts';
import type { PageView, Speed } from '../worker/protocol.ts';
import type { ComparisonKind } from './comparisons.ts';
import type { StoredRun } from './runRecords.ts';
import type { RunCursor, RunSpec, RunStatus, RunView } from './runTypes.ts';
import type { PageClock } from './watchdog.ts';
import type { WorkerFactory } from './workerLike.ts';

/** Live runs follow the settings (one run, or the runs of a comparison built around them); kept runs keep their own. */
export type RunRole = 'live' | 'kept';

/** Which runs are on the charts, what they are called and drawn with, and which of them follow the settings. */
export interface RosterSlice {
  /** Every run on the charts, in display order. A new array whenever anything about a run changes, and a new object for that run. */
  runs: RunView[];
  /** The role of each run, by id. */
  roles: Readonly<Record<string, RunRole>>;
  /** The run the settings describe (speed and status line refer to it). */
  primaryRunId: string | null;
  /** The comparison the live runs form, or null for a single live run. */
  comparison: ComparisonKind | null;
  /** The live runs stay on the charts with their settings; the next settings change starts new ones beside them. */
  keepRun(): void;
  /** Replaces every run with a comparison built around the current settings. */
  startComparison(kind: ComparisonKind): void;
  /** Removes a run without disturbing the others; the last run cannot be removed. */
  removeRun(id: string): void;
  toggleRunVisible(id: string): void;
}

/** The settings being edited, and why the last refused change was refused. */
export interface SettingsSlice {
  /** The settings being edited; the live runs follow them. */
  settings: Settings;
  /** Why the last refused change was refused; cleared by the next accepted one or clearProblems(). */
  problems: Problem[];
  /** Applies a partial (or full) settings change; refuses it whole, with the reasons, when invalid. */
  setSettings(patch: Partial<Settings>): Problem[];
  /** Replaces settings and runs at once (restoring a link); refuses the whole list, with reasons, if any part is invalid. */
  configureRuns(runs: readonly RunSpec[], settings?: Settings): Problem[];
  clearProblems(): void;
}

export interface Playback {
  /** The worker's overall status: done when every run has stopped, diverged when every run diverged. */
  status: RunStatus;
  /** Gradient steps per second of the primary run, or 'max'. */
  speed: Speed;
}

/** Where training stands and the commands that move it. */
export interface PlaybackSlice {
  playback: Playback;
  play(): void;
  pause(): void;
  /** Exactly one gradient step of every run (pauses first when running). */
  step(): void;
  /** Every run to its next epoch boundary. */
  stepEpoch(): void;
  /** Every run back to step 0 with the same settings. */
  reset(): void;
  setSpeed(speed: Speed): Problem[];
}

/** The worker's health. */
export interface WorkerSlice {
  /** Why training stopped when the worker failed; restartWorker() clears it. */
  error: string | null;
  /** While a restart replays the runs: the step each was at (by id); null otherwise. */
  replay: Readonly<Record<string, number>> | null;
  /** The last failure struck during a replay, so replaying again would likely fail again: offer step 0. */
  replayFailed: boolean;
  /** Play as soon as the replay under way has reached its steps (going on from the timeline). */
  playAfterReplay: boolean;
  /**
   * A fresh worker after a failure. Every run is replayed, paused, to the step
   * it had reached (the engine is deterministic), or with fromZero starts
   * again from step 0.
   */
  restartWorker(fromZero?: boolean): void;
  /**
   * What the loss chart shows (its x-range and pixel width): the worker sends
   * each run's series again at that resolution, and then only what it can
   * draw. Charts call it when their zoom or size changes.
   */
  setView(view: PageView): void;
  /** The exact state of a run at a step it has reached (replayed from the worker's nearest checkpoint). */
  seek(runId: string, step: number): Promise<RunCursor>;
  /** Terminates the worker; the store does nothing more. */
  dispose(): void;
}

/** Looking back at a step already run: the primary run's step, where each run stands then, and their exact states. */
export interface Timeline {
  readonly step: number;
  /** Each run's step (by id) when the primary run is at `step` (runs move in lockstep by epochs). */
  readonly targets: Readonly<Record<string, number>>;
  /** The exact state of each run there, as the worker replayed it (by id); filled in as answers arrive. */
  readonly cursors: Readonly<Record<string, RunCursor>>;
  /** The number of the seek these cursors answer. */
  readonly request: number;
}

export interface TimelineSlice {
  /** What the page shows instead of where the runs are now; null: now. */
  timeline: Timeline | null;
  /** Looks at the primary run's step `step` (pausing first); null, or a step not yet passed: back to now. */
  lookAt(step: number | null): void;
  /** The worker's exact cursors for seek `request`. */
  seeked(request: number, cursors: readonly { id: string; cursor: RunCursor }[]): void;
  /** Goes on from the step looked at: every run replayed to it, paused, then playing with `play`. */
  goOnFromTimeline(play: boolean): void;
  /** Every run replayed to where it stands when the primary run is at `step`, and paused there (a link's at=). */
  openAt(step: number): Problem[];
}

export type LabState = RosterSlice & SettingsSlice & PlaybackSlice & WorkerSlice & TimelineSlice;

/** LabState as the store holds it: each run with the writable ends of its buffers. */
export type StoreState = Omit<LabState, 'runs'> & { runs: StoredRun[] };

export type SetState = (partial: Partial<StoreState> | ((state: StoreState) => Partial<StoreState>)) => void;
export type GetState = () => StoreState;

/** One slice of the store, written against the whole state (Zustand's slices pattern). */
export type Slice<T> = StateCreator<StoreState, [], [], T>;

export interface LabStoreOptions {
  /** Called once at creation and again on each restart. */
  createWorker: WorkerFactory;
  /** Runs the callback once the page has drawn what the last chunk changed (default: after the next frame). */
  afterDraw?: (callback: () => void) => void;
  settings?: Settings;
  speed?: Speed;
  /** Time and visibility for noticing a silent worker (default: the browser's). */
  clock?: PageClock;
}
