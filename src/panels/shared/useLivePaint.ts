// Painting a chart from the store without React: the charts' canvases follow
// every chunk of records on the next animation frame, through a subscription,
// while the component tree re-renders only when the runs it shows as text
// change (the page passes those at a lower rate during training).
import { useEffect, useRef } from 'react';
import type { RunView } from '../../store/runTypes.ts';

/** The runs as they are now, and a way to hear of each change (the page's store, in a chart's terms). */
export interface RunSource {
  getRuns(): readonly RunView[];
  /** Calls `listener` after each change of the runs; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The same run objects in the same order: the store makes a new object of every run that changed, so a painter given these has nothing new to paint. */
export function sameRuns(a: readonly RunView[], b: readonly RunView[]): boolean {
  return a === b || (a.length === b.length && a.every((run, i) => run === b[i]));
}

/** Whether a shown run is training: its charts grow and, while it does, may send whole repaints out (heldRepaint.ts). */
export function anyTraining(runs: readonly RunView[]): boolean {
  return runs.some((r) => r.visible && r.status === 'running');
}

/**
 * Calls `paint` with the newest runs after every render (with `runs` when
 * there is no source), and, with a source, once per animation frame in which
 * the source changed, with the `paint` of the last render: it reads the view
 * from that render and decides for itself what to redraw.
 */
export function useLivePaint(source: RunSource | undefined, runs: readonly RunView[], paint: (runs: readonly RunView[]) => void): void {
  const latest = useRef(paint);
  useEffect(() => {
    latest.current = paint;
    paint(source ? source.getRuns() : runs);
  });
  useEffect(() => {
    if (!source) return;
    let pending = 0;
    const unsubscribe = source.subscribe(() => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        latest.current(source.getRuns());
      });
    });
    return () => {
      unsubscribe();
      if (pending) cancelAnimationFrame(pending);
    };
  }, [source]);
}
