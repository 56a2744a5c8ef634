// The timeline: looking back at a step already run, and going on from it.
// Looking back changes nothing that was trained: the page shows each run's
// records up to the step (scrub.ts) and asks the worker for the exact state
// there, which it recovers by replaying (the engine is deterministic). Going
// on from a step replays every run to it, paused, so the records after it are
// made again, exactly, as Play continues.
import type { Problem } from '../core/index.ts';
import type { Slice, TimelineSlice } from './labState.ts';
import { clearedRun } from './runRecords.ts';
import { lockstepTargets } from './scrub.ts';
import { primaryRun } from './selectors.ts';
import type { StoreKit } from './storeKit.ts';
import type { RunCursor } from './runTypes.ts';

export const createTimelineSlice =
  (kit: StoreKit): Slice<TimelineSlice> =>
  (set, get) => {
    let request = 0;
    return {
      timeline: null,

      lookAt(step) {
        const state = get();
        const primary = primaryRun(state.runs, state.primaryRunId);
        if (!primary || step === null || step >= primary.cursor.step) {
          if (state.timeline) set({ timeline: null });
          return;
        }
        if (state.playback.status === 'running') kit.link.post({ type: 'pause' });
        const targets = lockstepTargets(state.runs, primary, step, (run) => run.cursor.step);
        request += 1;
        const asked = request;
        for (const [id, at] of Object.entries(targets)) {
          // A run the worker cannot answer for keeps what its records say at the step (scrub.recordedCursor).
          kit.link.seek(id, at).then(
            (cursor) => get().seeked(asked, [{ id, cursor }]),
            () => {},
          );
        }
        // Cursors already exact for the step are kept while the next answer is on its way.
        const kept = state.timeline?.step === Math.max(0, Math.floor(step)) ? state.timeline.cursors : {};
        set({ timeline: { step: targets[primary.id], targets, cursors: kept, request } });
      },

      seeked(answer, cursors) {
        const { timeline } = get();
        if (!timeline || timeline.request !== answer) return;
        const exact: Record<string, RunCursor> = { ...timeline.cursors };
        for (const { id, cursor } of cursors) if (cursor.step === timeline.targets[id]) exact[id] = cursor;
        set({ timeline: { ...timeline, cursors: exact } });
      },

      goOnFromTimeline(play) {
        const { timeline, runs, settings } = get();
        if (!timeline) return;
        const replay = Object.values(timeline.targets).some((step) => step > 0) ? timeline.targets : null;
        set({ timeline: null, replay, playAfterReplay: play && replay !== null, runs: runs.map(clearedRun) });
        kit.configureWorker(settings, play && replay === null, replay ?? undefined);
      },

      openAt(step): Problem[] {
        const state = get();
        const primary = primaryRun(state.runs, state.primaryRunId);
        if (!primary || step <= 0) return [];
        const last = primary.schedule.totalSteps;
        const targets = lockstepTargets(state.runs, primary, Math.min(step, last), (run) => run.schedule.totalSteps);
        set({ timeline: null, replay: targets, playAfterReplay: false, runs: state.runs.map(clearedRun) });
        kit.configureWorker(state.settings, false, targets);
        return step > last ? [{ key: 'at', message: `at=${step}: the run has ${last} steps; it opens at its last step` }] : [];
      },
    };
  };
