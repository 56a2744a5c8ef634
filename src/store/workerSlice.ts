// The worker's health, and what its messages do to the runs: records and
// cursors from chunks, statuses from status reports, and a failure that stops
// every run still training. The link reads the messages; this applies them.
import type { RunChunk, RunStatusReport, WorkerStatus } from '../worker/protocol.ts';
import type { GetState, SetState, Slice, WorkerSlice } from './labState.ts';
import { clearedRun, failedRun, withChunk, withStatus } from './runRecords.ts';
import type { StoreKit } from './storeKit.ts';
import type { WorkerEvents } from './workerLink.ts';

const RESTART_NOTE = 'Restart the worker to continue: every run is replayed, paused, to the step it had reached.';
const REPLAY_FAILED_NOTE = 'It failed again while replaying the runs, so the fault may repeat: start every run again from step 0.';


/** Each message from the worker becomes exactly one state update (a chunk for no known run, none). */
export function workerEvents(set: SetState, get: GetState): WorkerEvents {
  return {
    chunk(chunks: readonly RunChunk[]) {
      const runs = [...get().runs];
      let changed = false;
      for (const chunk of chunks) {
        const i = runs.findIndex((r) => r.id === chunk.id);
        if (i < 0) continue;
        const next = withChunk(runs[i], chunk);
        if (!next) return `the training worker sent rows of run '${chunk.id}' that do not follow those the page holds`;
        runs[i] = next;
        changed = true;
      }
      if (changed) set({ runs });
      return null;
    },

    status(status: Exclude<WorkerStatus, 'error'>, reports: readonly RunStatusReport[]) {
      const runs = [...get().runs];
      for (const report of reports) {
        const i = runs.findIndex((r) => r.id === report.id);
        if (i >= 0) runs[i] = withStatus(runs[i], report);
      }
      // A replay ends where the worker stops seeking: paused at the steps, or earlier if runs ended.
      const replayOver = status !== 'running' && status !== 'idle';
      const playNow = replayOver && status === 'paused' && get().playAfterReplay;
      set((state) => ({ playback: { ...state.playback, status }, runs, ...(replayOver && state.replay ? { replay: null, playAfterReplay: false } : {}) }));
      if (playNow) get().play();
    },


    failure(reason: string) {
      set((state) => {
        const replayFailed = state.replay !== null;
        return {
          error: `Training stopped: ${reason}. ${replayFailed ? REPLAY_FAILED_NOTE : RESTART_NOTE}`,
          playback: { ...state.playback, status: 'error' },
          runs: state.runs.map(failedRun),
          replayFailed,
          playAfterReplay: false,
        };
      });
    },
  };
}

export const createWorkerSlice =
  (kit: StoreKit): Slice<WorkerSlice> =>
  (set, get) => ({
    error: null,
    replay: null,
    replayFailed: false,
    playAfterReplay: false,

    restartWorker(fromZero = false) {
      kit.link.detach();
      const state = get();
      // A replay that failed keeps its goal: the steps reached before the first failure.
      const reached = state.replay ?? Object.fromEntries(state.runs.map((r) => [r.id, r.cursor.step]));
      const replay = fromZero || !Object.values(reached).some((step) => step > 0) ? null : reached;
      set({ error: null, replay, replayFailed: false, playAfterReplay: false, timeline: null, runs: state.runs.map(clearedRun), playback: { ...state.playback, status: 'idle' } });
      kit.configureWorker(state.settings, false, replay ?? undefined);
    },

    setView(view) {
      kit.link.setView(view);
    },

    seek(runId, step) {
      return kit.link.seek(runId, step);
    },

    dispose() {
      kit.link.detach();
    },
  });
