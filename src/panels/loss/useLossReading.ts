// Which x of the loss chart is being read, by pointer or by keyboard. Only
// keyboard reading is announced: announcing every pointer move would drown a
// screen reader.
import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { PlotFrame } from '../shared/plotFrame.ts';
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
  readonly onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly stop: () => void;
}

export function useLossReading(layout: LossLayout, frame: PlotFrame): LossReading {
  const [x, setX] = useState<number | null>(null);
  const [announce, setAnnounce] = useState(false);

  const onPointerMove = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      const px = event.clientX - event.currentTarget.getBoundingClientRect().left;
      const [x0, x1] = frame.x.range();
      setX(px < x0 - POINTER_SLACK || px > x1 + POINTER_SLACK ? null : frame.x.invert(px));
      setAnnounce(false);
    },
    [frame],
  );

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
  return { x, announce, onPointerMove, onKeyDown, stop };
}
