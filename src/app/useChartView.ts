// Tells the store what the loss chart shows, so the worker sends each run's
// series at that resolution: the x-axis and its zoom from the view, and the
// width in device pixels. The window's width stands in for the chart's (it is
// never narrower), so every pixel column of the chart gets a bucket.
import { useEffect, useState } from 'react';
import { MAX_VIEW_PIXELS } from '../store/runTypes.ts';
import type { ViewState } from '../url/view.ts';
import { useLabStore } from './labContext.ts';

function devicePixels(): number {
  if (typeof window === 'undefined') return MAX_VIEW_PIXELS;
  return Math.min(MAX_VIEW_PIXELS, Math.ceil(window.innerWidth * (window.devicePixelRatio || 1)));
}

export function useChartView(view: Pick<ViewState, 'x' | 'zoom' | 'logx'>): void {
  const store = useLabStore();
  const [pixels, setPixels] = useState(devicePixels);
  useEffect(() => {
    const onResize = () => setPixels(devicePixels());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const [from, to] = view.zoom ?? [NaN, NaN];
  useEffect(() => {
    const range = Number.isFinite(from) && Number.isFinite(to) && from < to ? ([from, to] as const) : null;
    store.getState().setView({ pixels, unit: view.x, log: view.logx, range });
  }, [store, pixels, view.x, view.logx, from, to]);
}
