// What reading the loss chart shows: a crosshair and dots at the x read
// (drawHover.ts), and a table of each run's values there (LossTooltip). The
// panel loads it after the first paint (a deferred part), so none of it
// weighs on the initial chunk.
import { useEffect, useMemo, useRef } from 'react';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { drawHover } from './drawHover.ts';
import { hoverRows } from './hoverRows.ts';
import { LOSS_MARGIN } from './lossFrame.ts';
import type { LossLayout } from './lossLayout.ts';
import { LossTooltip } from './LossTooltip.tsx';
import type { LossStyle } from './style.ts';

export interface LossHoverProps {
  readonly layout: LossLayout;
  readonly frame: PlotFrame;
  /** The x being read (data units), or null. */
  readonly x: number | null;
  /** Announced to screen readers (keyboard reading), or silent (pointer). */
  readonly announce: boolean;
  readonly width: number;
  readonly height: number;
  readonly style: LossStyle;
}

export function LossHover({ layout, frame, x, announce, width, height, style }: LossHoverProps) {
  const ref = useRef<SVGSVGElement>(null);
  const rows = useMemo(() => (x === null ? [] : hoverRows(layout, x)), [layout, x]);
  useEffect(() => {
    if (ref.current) drawHover(ref.current, frame, { x, rows }, style);
  }, [frame, x, rows, style]);
  return (
    <>
      <svg ref={ref} aria-hidden="true" style={{ pointerEvents: 'none' }} width={width} height={height} />
      {x !== null && rows.length > 0 ? <LossTooltip rows={rows} left={frame.fastX(x)} width={width} top={LOSS_MARGIN.top} announce={announce} /> : null}
    </>
  );
}
