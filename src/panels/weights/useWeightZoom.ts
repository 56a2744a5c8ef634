// The weight-space view: it follows the runs until the user zooms or pans
// (d3-zoom: drag, wheel or a two-finger pinch; toolbar or keys), and fitting
// returns it to following them. d3-zoom (with d3-transition, about 9 KB gzip)
// is loaded after the first paint: the chart draws without it, and only a
// gesture needs it.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { D3ZoomEvent, ZoomBehavior } from 'd3-zoom';
import { loadPart } from '../shared/lazyPart.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { weightFrame, weightPlotSize } from './weightFrame.ts';
import { emptyBounds, fitEqualAspect, heldView, includePoint, sameDomain, type WeightDomain } from './weightDomain.ts';

export interface WeightZoomInput {
  /** The view that shows the runs (start, optimum, path). */
  readonly autoView: WeightDomain;
  /** Whether a run shown is training: the view then follows autoView only when it no longer holds it (heldView). */
  readonly training: boolean;
  /** Changes when a different run or start is shown; the view then follows the runs again. */
  readonly fitKey: string;
  readonly width: number;
  readonly height: number;
}

export interface WeightZoom {
  readonly view: WeightDomain;
  readonly frame: PlotFrame;
  /** The frame of the last commit, for event handlers bound once. */
  readonly frameRef: RefObject<PlotFrame>;
  readonly zoomBy: (factor: number) => void;
  /** Returns the view to following the runs. */
  readonly fit: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** Why zooming and panning do not work (their code failed to load), or null. */
  readonly unavailable: string | null;
}

type D3Zoom = typeof import('d3-zoom');

/**
 * The same domain object for as long as its numbers stay the same (or, while
 * a run trains, for as long as heldView keeps it), so a run that moves inside
 * the view does not redraw the contours and axes every frame.
 */
function useHeldDomain(domain: WeightDomain, training: boolean): WeightDomain {
  const [kept, setKept] = useState(domain);
  const next = heldView(kept, domain, training);
  if (sameDomain(kept, next)) return kept;
  setKept(next);
  return next;
}

/**
 * Which events start a d3-zoom gesture. One finger is left to the page, so a
 * vertical swipe scrolls (with touch-action: pan-y) and a hold can pick w0;
 * two fingers pinch and pan the view. d3-zoom's own rule still applies: no
 * right button, and ctrl only with the wheel (a trackpad's pinch).
 */
export function zoomFilter(event: { type: string; ctrlKey?: boolean; button?: number; touches?: { length: number } }): boolean {
  if (event.type === 'touchstart') return (event.touches?.length ?? 0) >= 2;
  return (!event.ctrlKey || event.type === 'wheel') && !event.button;
}

export function useWeightZoom(svgRef: RefObject<SVGSVGElement | null>, input: WeightZoomInput): WeightZoom {
  const { fitKey, width, height } = input;
  const autoView = useHeldDomain(input.autoView, input.training);
  const [plotW, plotH] = weightPlotSize(width, height);
  // A view the user zoomed or panned to; null follows the runs (start, optimum, path).
  const [manualView, setManualView] = useState<WeightDomain | null>(null);
  const [lastFitKey, setLastFitKey] = useState(fitKey);
  if (fitKey !== lastFitKey) {
    setLastFitKey(fitKey);
    setManualView(null);
  }
  const view = useMemo(() => {
    if (!manualView) return autoView;
    const b = includePoint(includePoint(emptyBounds(), manualView.w1[0], manualView.w2[0]), manualView.w1[1], manualView.w2[1]);
    return fitEqualAspect(b, plotW, plotH, 0, 1e-9);
  }, [manualView, autoView, plotW, plotH]);
  const frame = useMemo(() => weightFrame(view, width, height), [view, width, height]);

  // d3-zoom: its transform is relative to `base`, the view when it was last reset.
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const baseRef = useRef<WeightDomain>(view);
  const frameRef = useRef(frame);
  const resettingRef = useRef(false);
  const d3ZoomRef = useRef<D3Zoom | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  useEffect(() => {
    frameRef.current = frame;
  }, [frame]);

  const resetZoom = useCallback(
    (to: WeightDomain) => {
      baseRef.current = to;
      const svg = svgRef.current;
      const z = zoomRef.current;
      const d3 = d3ZoomRef.current;
      // Before d3-zoom is loaded the element's transform is still the identity.
      if (!svg || !z || !d3) return;
      resettingRef.current = true;
      select(svg).call(z.transform, d3.zoomIdentity);
      resettingRef.current = false;
    },
    [svgRef],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let live = true;
    const attach = (d3: D3Zoom) => {
      const behaviour = d3
        .zoom<SVGSVGElement, unknown>()
        .scaleExtent([1e-4, 1e7])
        .filter(zoomFilter)
        .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
          if (resettingRef.current) return;
          const f = frameRef.current;
          const base = baseRef.current;
          const bx = scaleLinear().domain(base.w1).range(f.x.range());
          const by = scaleLinear().domain(base.w2).range(f.y.range());
          const t = event.transform;
          const w1 = t.rescaleX(bx).domain() as [number, number];
          const w2 = t.rescaleY(by).domain() as [number, number];
          setManualView({ w1: [Math.min(...w1), Math.max(...w1)], w2: [Math.min(...w2), Math.max(...w2)] });
        });
      d3ZoomRef.current = d3;
      zoomRef.current = behaviour;
      // The element's transform is the identity until now, and baseRef already holds the view shown.
      select(svg).call(behaviour).on('dblclick.zoom', null);
    };
    loadPart('the zoom code', () => import('d3-zoom')).then(
      (d3) => {
        if (live) attach(d3);
      },
      (error: Error) => {
        if (live) setUnavailable(`Zoom and pan do not work: ${error.message}.`);
      },
    );
    return () => {
      live = false;
      select(svg).on('.zoom', null);
      zoomRef.current = null;
    };
  }, [svgRef]);

  // Whenever the view is set other than by a gesture (following the runs, a fit, a resize), d3-zoom starts afresh from it.
  useEffect(() => {
    if (!manualView) resetZoom(view);
  }, [manualView, view, resetZoom]);
  // A resize changes the pixel box under a manual view: start the zoom from the refitted view.
  // An effect event, because it must read the view of the resize's render but not run on every zoom gesture.
  const restartAfterResize = useEffectEvent(() => {
    if (manualView) resetZoom(view);
  });
  useEffect(() => restartAfterResize(), [width, height]);

  const zoomBy = (factor: number): void => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.scaleBy, factor);
  };
  const panBy = (dx: number, dy: number): void => {
    const svg = svgRef.current;
    const z = zoomRef.current;
    const d3 = d3ZoomRef.current;
    if (!svg || !z || !d3) return;
    const k = d3.zoomTransform(svg).k;
    select(svg).call(z.translateBy, dx / k, dy / k);
  };
  const fit = (): void => setManualView(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = 30;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      f: fit,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return { view, frame, frameRef, zoomBy, fit, onKeyDown, unavailable };
}
