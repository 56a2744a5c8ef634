// Which x of the loss chart is being read: by a hovering pointer, by a finger
// pressed and held (moving it reads on; the reading stays after it lifts, so
// the finger does not hide it, until the next touch), or by keyboard. Only
// keyboard reading is announced: announcing every pointer move would drown a
// screen reader.
import { useCallback, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { isTouchLike, usePressHold } from '../shared/usePressHold.ts';
import type { LossLayout } from './lossLayout.ts';
import { nearestIndex } from './nearest.ts';
import { rowInRangeAfterKey } from './readingKeys.ts';
import { rowsIn } from './xWindow.ts';

/** The pointer still reads this many pixels beyond the plot's sides, so the end rows are easy to reach. */
const POINTER_SLACK = 4;

export interface LossReading {
  /** The x being read (data units), or null. */
  readonly x: number | null;
  readonly announce: boolean;
  readonly onPointerDown: (event: PointerEvent<SVGSVGElement>) => void;
  readonly onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  readonly onPointerLeave: (event: PointerEvent<SVGSVGElement>) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly stop: () => void;
}

/**
 * @param surfaceRef the element the pointer is read over (its left edge is the frame's x = 0)
 * @param onHoldStart called as a finger's hold begins, so a gesture it began (a zoom drag) can let go
 */
export function useLossReading(layout: LossLayout, frame: PlotFrame, surfaceRef: RefObject<Element | null>, onHoldStart?: () => void): LossReading {
  const [x, setX] = useState<number | null>(null);
  const [announce, setAnnounce] = useState(false);

  const readAt = useCallback(
    (clientX: number, element: Element | null) => {
      if (!element) return;
      const px = clientX - element.getBoundingClientRect().left;
      const [x0, x1] = frame.x.range();
      setX(px < x0 - POINTER_SLACK || px > x1 + POINTER_SLACK ? null : frame.x.invert(px));
      setAnnounce(false);
    },
    [frame],
  );

  usePressHold(surfaceRef, {
    onHold: (clientX) => {
      onHoldStart?.();
      readAt(clientX, surfaceRef.current);
    },
    onHoldMove: (clientX) => readAt(clientX, surfaceRef.current),
  });

  // A finger does not hover: it reads only by holding (above), and a new touch puts the last reading away.
  const onPointerDown = useCallback((event: PointerEvent<SVGSVGElement>) => {
    if (isTouchLike(event)) setX(null);
  }, []);
  const onPointerMove = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      // A pen hovering above the screen (no button down) reads like a mouse.
      if (!isTouchLike(event) || (event.pointerType === 'pen' && event.buttons === 0)) readAt(event.clientX, event.currentTarget);
    },
    [readAt],
  );
  const onPointerLeave = useCallback((event: PointerEvent<SVGSVGElement>) => {
    if (!isTouchLike(event)) setX(null);
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const line = layout.primary?.full;
      if (!line || line.length === 0) return;
      // The keys walk the rows the chart shows: inside a zoom, only the zoomed range's.
      const shown = rowsIn(line.x, line.length, layout.xDomain).inside;
      const next = rowInRangeAfterKey(event.key, event.shiftKey, x === null ? null : nearestIndex(line.x, line.length, x), shown);
      if (next === undefined) return;
      event.preventDefault();
      setX(next === null ? null : line.x[next]);
      setAnnounce(true);
    },
    [layout, x],
  );

  const stop = useCallback(() => setX(null), []);
  return { x, announce, onPointerDown, onPointerMove, onPointerLeave, onKeyDown, stop };
}
