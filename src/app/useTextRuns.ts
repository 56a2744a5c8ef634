// The runs as the page's text and controls show them. While training, the
// store changes with every chunk of records, up to once per frame; the charts
// paint those frames themselves (panels/shared/useLivePaint.ts), and the
// status line, captions, runs list and the rest follow at most a few times a
// second, so a chunk does not re-render the component tree. Any change other
// than records of running runs (a run started, paused, finished, added,
// hidden or renamed) is passed on at once; records follow as a transition.
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { RunSource } from '../panels/shared/useLivePaint.ts';
import type { RunView } from '../store/runTypes.ts';
import type { LabStore } from '../store/store.ts';
import { selectShownRuns } from '../store/selectors.ts';

/** While training, the text follows the records at most this often. */
export const TEXT_INTERVAL_MS = 200;

/** True when `next` differs from `prev` only in the records of runs still running. */
function onlyRecords(prev: readonly RunView[], next: readonly RunView[]): boolean {
  if (prev.length !== next.length) return false;
  let running = false;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a.id !== b.id || a.status !== b.status || a.visible !== b.visible || a.name !== b.name || a.color !== b.color || a.settings !== b.settings || a.message !== b.message) return false;
    running ||= b.status === 'running';
  }
  return running;
}

export function useTextRuns(store: LabStore): readonly RunView[] {
  const [runs, setRuns] = useState(() => store.getState().runs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const flush = () => {
      timer = null;
      last = performance.now();
      setRuns(store.getState().runs);
    };
    // New records of running runs are not urgent: as a transition, React renders the text in slices of a few
    // milliseconds between frames (a render of every panel's text took 40–80 ms at once), and drops a render
    // overtaken by a newer one.
    const follow = () => startTransition(flush);
    flush();
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.runs === prev.runs) return;
      if (!onlyRecords(prev.runs, state.runs)) {
        if (timer) clearTimeout(timer);
        flush();
      } else if (!timer) {
        timer = setTimeout(follow, Math.max(0, last + TEXT_INTERVAL_MS - performance.now()));
      }
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
  return runs;
}

/** The store's runs as the charts paint them: as they are now, and each change. */
export function useRunSource(store: LabStore): RunSource {
  return useMemo(
    () => ({
      getRuns: () => store.getState().runs,
      subscribe: (listener: () => void) => store.subscribe((state, prev) => void (state.runs !== prev.runs && listener())),
    }),
    [store],
  );
}

/** The runs as the weight space and the data panel paint them: now, or at the step the timeline looks at. */
export function useShownRunSource(store: LabStore): RunSource {
  return useMemo(
    () => ({
      getRuns: () => selectShownRuns(store.getState()),
      subscribe: (listener: () => void) => store.subscribe((state, prev) => void ((state.runs !== prev.runs || state.timeline !== prev.timeline) && listener())),
    }),
    [store],
  );
}
