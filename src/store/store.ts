// The single source of truth for the page: settings, runs and playback. Only
// the store talks to the training worker; panels and controls read RunViews
// and call actions. Each run's records live in bounded LOD buffers that the
// views expose without copying, and each chunk from the worker becomes
// exactly one state update, so rendering keeps pace at any training speed.
//
// The store is built from slices (Zustand's slices pattern), each in its own
// file: the run roster, the settings, playback, and the worker. What they
// share beyond the state (the worker link, installing a new set of runs) is
// the kit. Any change to the set of runs configures the worker afresh, so
// every run starts again from step 0 and all of them advance in lockstep by epoch.
import { create } from 'zustand';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import { settingsProblems } from '../core/settingsValidation.ts';
import type { LabStoreOptions, StoreState } from './labState.ts';
import { createPlaybackSlice } from './playbackSlice.ts';
import { createRosterSlice } from './rosterSlice.ts';
import { frozenSettings } from './runRecords.ts';
import { createSettingsSlice } from './settingsSlice.ts';
import { createStoreKit } from './storeKit.ts';
import { afterNextFrame, WorkerLink } from './workerLink.ts';
import { createTimelineSlice } from './timelineSlice.ts';
import { createWorkerSlice, workerEvents } from './workerSlice.ts';

export type { LabState, LabStoreOptions, Playback, RunRole } from './labState.ts';
export type { RunSpec } from './runTypes.ts';

/**
 * Creates the store (a Zustand hook that is also a vanilla store:
 * getState / setState / subscribe) and starts the worker with one live run.
 */
export function createLabStore(options: LabStoreOptions) {
  const initialSettings = frozenSettings(options.settings ?? DEFAULT_SETTINGS);
  const initialProblems = settingsProblems(initialSettings);
  if (initialProblems.length) throw new RangeError(`Invalid initial settings: ${initialProblems.map((p) => p.message).join('; ')}`);

  const store = create<StoreState>()((set, get, api) => {
    const link = new WorkerLink(options.createWorker, options.afterDraw ?? afterNextFrame, workerEvents(set, get), options.clock);
    const kit = createStoreKit(set, get, link);
    return {
      ...createRosterSlice(kit)(set, get, api),
      ...createSettingsSlice(kit, initialSettings)(set, get, api),
      ...createPlaybackSlice(kit, options.speed)(set, get, api),
      ...createWorkerSlice(kit)(set, get, api),
      ...createTimelineSlice(kit)(set, get, api),
    };
  });

  store.getState().configureRuns([], initialSettings);
  return store;
}

export type LabStore = ReturnType<typeof createLabStore>;
