// What the slices share beyond the state: the worker link, and the few steps
// that touch both the roster and the worker (installing a new set of runs,
// sending the runs to the worker, refusing a change).
import type { Problem, Settings } from '../core/index.ts';
import { MAX_RUNS } from '../worker/protocol.ts';
import type { GetState, SetState, StoreState } from './labState.ts';
import { freshRuns, primaryOf, withNames, workerRuns, type Roles } from './roster.ts';
import { clearedRun, type StoredRun } from './runRecords.ts';
import type { WorkerLink } from './workerLink.ts';


export interface StoreKit {
  readonly link: WorkerLink;
  /** New runs for `list` (see roster.freshRuns), with ids unique in this store. */
  freshRuns(list: readonly Settings[], replacing: readonly StoredRun[], keeping: readonly StoredRun[], visible?: readonly boolean[]): StoredRun[];
  /** Installs a new set of runs, all from step 0, with one state update, and starts them in the worker (playing on if it was). */
  install(runs: readonly StoredRun[], roles: Roles, changes: Partial<StoreState>): void;
  /** Sends every run to the worker from step 0 (or replaying to the given steps), starting a worker if none is attached. */
  configureWorker(settings: Settings, resume: boolean, replay?: Readonly<Record<string, number>>): void;
  /** Records why a change was refused, and returns the reasons. */
  refuse(problems: Problem[]): Problem[];
}

export function tooManyRuns(count: number): Problem[] {
  return [{ key: '', message: `${count} runs would not fit: at most ${MAX_RUNS} runs can be shown at once; remove a run first` }];
}

export function createStoreKit(set: SetState, get: GetState, link: WorkerLink): StoreKit {
  let nextRunNumber = 1;
  const nextId = () => `run-${nextRunNumber++}`;

  const kit: StoreKit = {
    link,
    freshRuns: (list, replacing, keeping, visible) => freshRuns(list, nextId, replacing, keeping, visible),

    install(next, roles, changes) {
      const state = get();
      const resume = state.playback.status === 'running';
      const settings = changes.settings ?? state.settings;
      const runs = withNames(next.map(clearedRun));
      set({
        ...changes,
        runs,
        roles,
        primaryRunId: primaryOf(runs, roles, settings)?.id ?? null,
        playback: { ...state.playback, status: 'idle' },
        error: null,
        replay: null,
        replayFailed: false,
        playAfterReplay: false,
        timeline: null,
      });
      kit.configureWorker(settings, resume);
    },

    configureWorker(settings, resume, replay) {
      const { runs, roles, playback } = get();
      link.configure(workerRuns(runs, roles, settings, replay), playback.speed, resume);
    },

    refuse(problems) {
      set({ problems });
      return problems;
    },
  };
  return kit;
}
