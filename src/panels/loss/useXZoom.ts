// The loss chart's zoom gestures: a drag over the plot selects an x-range
// (drawn as a band while dragging; by touch a sideways drag, as a vertical
// one scrolls the page and cancels it), a double-click resets, and + − [ ] 0 on
// the focused chart zoom, pan and reset. The range goes to the link through
// onZoom; the arithmetic is in xZoom.ts.
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { XAxisMode, XZoom } from '../../url/view.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import type { LossLayout } from './lossLayout.ts';
import { minZoomSpan } from './xWindow.ts';
import { zoomAfterKey, zoomFromDrag, zoomKeyAction } from './xZoom.ts';

export interface XZoomGestures {
  /** The band being dragged, in plot pixels, or null. */
  readonly band: readonly [number, number] | null;
  readonly onPointerDown: (event: PointerEvent<SVGSVGElement>) => void;
  readonly onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  readonly onPointerUp: (event: PointerEvent<SVGSVGElement>) => void;
  /** Drops the drag without zooming: the browser took the pointer (a scroll), or a hold made it a reading. */
  readonly cancel: () => void;
  readonly onDoubleClick: () => void;
  /** Handles a zoom key and returns true, or returns false for the chart's other keys. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => boolean;
}

const pixelOf = (event: PointerEvent<SVGSVGElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;

export function useXZoom(layout: LossLayout, frame: PlotFrame, xAxis: XAxisMode, onZoom: ((zoom: XZoom | null) => void) | undefined): XZoomGestures {
  const [band, setBand] = useState<readonly [number, number] | null>(null);
  const start = useRef<number | null>(null);
  const minSpan = minZoomSpan(layout.primary?.plan ?? null, xAxis);
  const [x0, x1] = frame.x.range();
  const inPlot = useCallback((px: number) => Math.min(Math.max(px, x0), x1), [x0, x1]);

  const onPointerDown = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      if (!onZoom || event.button !== 0) return;
      start.current = inPlot(pixelOf(event));
      event.currentTarget.setPointerCapture?.(event.pointerId);
    },
    [onZoom, inPlot],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      if (start.current !== null) setBand([start.current, inPlot(pixelOf(event))]);
    },
    [inPlot],
  );
  const onPointerUp = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      const from = start.current;
      start.current = null;
      setBand(null);
      if (from === null || !onZoom) return;
      const zoom = zoomFromDrag(layout.window, (px) => frame.x.invert(px), from, inPlot(pixelOf(event)), minSpan);
      if (zoom !== undefined) onZoom(zoom);
    },
    [layout.window, frame, minSpan, onZoom, inPlot],
  );
  const cancel = useCallback(() => {
    start.current = null;
    setBand(null);
  }, []);
  const onDoubleClick = useCallback(() => onZoom?.(null), [onZoom]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const action = zoomKeyAction(event.key);
      if (!action || !onZoom || event.ctrlKey || event.metaKey || event.altKey) return false;
      event.preventDefault();
      onZoom(zoomAfterKey(layout.window, action, minSpan));
      return true;
    },
    [layout.window, minSpan, onZoom],
  );
  return { band, onPointerDown, onPointerMove, onPointerUp, cancel, onDoubleClick, onKeyDown };
}
