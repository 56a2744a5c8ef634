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

/** How `next` differs from `prev`: only by records of running runs, by that and runs that ran to their end, or otherwise. */
export type TextChange = 'records' | 'finished' | 'other';

export function textChange(prev: readonly RunView[], next: readonly RunView[]): TextChange {
  if (prev.length !== next.length) return 'other';
  let trained = false;
  let finished = false;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a.id !== b.id || a.visible !== b.visible || a.name !== b.name || a.color !== b.color || a.settings !== b.settings || a.message !== b.message) return 'other';
    // A run that ends training with the last step of its budget; a pause, a divergence or an error is news.
    const ended = a.status === 'running' && b.status === 'done';
    if (a.status !== b.status && !ended) return 'other';
    finished ||= ended;
    trained ||= a.status === 'running';
  }
  return !trained ? 'other' : finished ? 'finished' : 'records';
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
    // What training on brings is not urgent: as a transition, React renders the text in slices of a few
    // milliseconds between frames (a render of every panel's text took 40–80 ms at once), and drops a render
    // overtaken by a newer one. The end of a run is rendered so too, at once: with it every panel settles, and
    // in one task that was the longest frame of a full-speed run.
    const follow = () => startTransition(flush);
    flush();
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.runs === prev.runs) return;
      const change = textChange(prev.runs, state.runs);
      if (change === 'records') {
        timer ??= setTimeout(follow, Math.max(0, last + TEXT_INTERVAL_MS - performance.now()));
        return;
      }
      if (timer) clearTimeout(timer);
      if (change === 'finished') follow();
      else flush();
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
