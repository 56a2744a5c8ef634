// The worker's health, and what its messages do to the runs: records and
// cursors from chunks, statuses from status reports, and a failure that stops
// every run still training. The link reads the messages; this applies them.
import type { RunChunk, RunStatusReport, WorkerStatus } from '../worker/protocol.ts';
import type { GetState, SetState, Slice, WorkerSlice } from './labState.ts';
import { clearedRun, failedRun, withChunk, withStatus } from './runRecords.ts';
import type { StoreKit } from './storeKit.ts';
import type { WorkerEvents } from './workerLink.ts';

const RESTART_NOTE = 'Restart the worker to continue; every run then starts again from step 0 with its settings.';


/** Each message from the worker becomes exactly one state update (a chunk for no known run, none). */
export function workerEvents(set: SetState, get: GetState): WorkerEvents {
  return {
    chunk(chunks: readonly RunChunk[]) {
      const runs = [...get().runs];
      let changed = false;
      for (const chunk of chunks) {
        const i = runs.findIndex((r) => r.id === chunk.id);
        if (i < 0) continue;
        runs[i] = withChunk(runs[i], chunk);
        changed = true;
      }
      if (changed) set({ runs });
    },

    status(status: Exclude<WorkerStatus, 'error'>, reports: readonly RunStatusReport[]) {
      const runs = [...get().runs];
      for (const report of reports) {
        const i = runs.findIndex((r) => r.id === report.id);
        if (i >= 0) runs[i] = withStatus(runs[i], report);
      }
      set((state) => ({ playback: { ...state.playback, status }, runs }));
    },

    failure(reason: string) {
      set((state) => ({
        error: `Training stopped: ${reason}. ${RESTART_NOTE}`,
        playback: { ...state.playback, status: 'error' },
        runs: state.runs.map(failedRun),
      }));
    },
  };
}

export const createWorkerSlice =
  (kit: StoreKit): Slice<WorkerSlice> =>
  (set, get) => ({
    error: null,

    restartWorker() {
      kit.link.detach();
      const state = get();
      set({ error: null, runs: state.runs.map(clearedRun), playback: { ...state.playback, status: 'idle' } });
      kit.configureWorker(state.settings, false);
    },

    dispose() {
      kit.link.detach();
    },
  });
