// A store on a fake worker and fake time, for the store's tests.
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { createLabStore, type LabStoreOptions } from '../../src/store/store.ts';
import { FakeScheduler } from '../worker/fakeScheduler.ts';
import { FakeWorker } from './fakeWorker.ts';

export const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0] as [number, number], ...patch });

export function setup(options: Partial<LabStoreOptions> = {}) {
  const scheduler = new FakeScheduler(0.01);
  const workers: FakeWorker[] = [];
  const page = { visible: true };
  const store = createLabStore({
    clock: { now: () => scheduler.now(), setTimeout: (cb, ms) => scheduler.setTimeout(cb, ms), clearTimeout: (h) => scheduler.clearTimeout(h), visible: () => page.visible },
    createWorker: () => {
      const w = new FakeWorker(scheduler);
      workers.push(w);
      return w;
    },
    ...options,
  });
  return {
    store,
    scheduler,
    /** Whether the page is visible, as the store's watchdog sees it. */
    page,
    workers,
    get worker() {
      return workers[workers.length - 1];
    },
    get state() {
      return store.getState();
    },
    /** Lets fake time pass: messages both ways and the runner's timers. */
    wait(ms = 20) {
      scheduler.advance(ms);
    },
  };
}
