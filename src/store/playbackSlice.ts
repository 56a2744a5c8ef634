// Playback: where training stands and the commands that move every run.
// The worker does the stepping; this slice sends it the commands.
import type { Problem } from '../core/index.ts';
import { DEFAULT_SPEED, MAX_STEPS_PER_SECOND, type Speed } from '../worker/protocol.ts';
import type { PlaybackSlice, Slice } from './labState.ts';
import { clearedRun } from './runRecords.ts';
import type { StoreKit } from './storeKit.ts';

function isSpeed(value: unknown): value is Speed {
  return value === 'max' || (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_STEPS_PER_SECOND);
}

export const createPlaybackSlice =
  (kit: StoreKit, speed: unknown): Slice<PlaybackSlice> =>
  (set, get) => ({
    playback: { status: 'idle', speed: isSpeed(speed) ? speed : DEFAULT_SPEED },

    play() {
      // Play while looking back goes on from the step looked at.
      if (get().timeline) {
        get().goOnFromTimeline(true);
        return;
      }
      // Only a Play that starts something is sure of an answer: the worker sends a status only when it changes.
      const { status } = get().playback;
      if ((status === 'idle' || status === 'paused') && get().error === null) kit.link.expectStatus();
      kit.link.post({ type: 'play' });
    },
    pause() {
      kit.link.post({ type: 'pause' });
    },
    step() {
      // While looking back, a step moves the look one step on (back to now once it gets there).
      const { timeline } = get();
      if (timeline) get().lookAt(timeline.step + 1);
      else kit.link.post({ type: 'step' });
    },
    stepEpoch() {
      const { timeline, runs, primaryRunId } = get();
      const spe = runs.find((r) => r.id === primaryRunId)?.schedule.stepsPerEpoch ?? runs[0]?.schedule.stepsPerEpoch;
      if (timeline && spe) get().lookAt((Math.floor(timeline.step / spe) + 1) * spe);
      else kit.link.post({ type: 'stepEpoch' });
    },

    reset() {
      if (!kit.link.alive) {
        get().restartWorker(true);
        return;
      }
      set((state) => ({ runs: state.runs.map(clearedRun), playback: { ...state.playback, status: 'idle' }, timeline: null, replay: null, playAfterReplay: false }));
      kit.link.reset();
    },

    setSpeed(next): Problem[] {
      if (!isSpeed(next)) return kit.refuse([{ key: 'speed', message: `speed must be 'max' or a number of steps per second from above 0 to ${MAX_STEPS_PER_SECOND}` }]);
      set((state) => ({ playback: { ...state.playback, speed: next } }));
      kit.link.post({ type: 'speed', stepsPerSecond: next });
      return [];
    },
  });
