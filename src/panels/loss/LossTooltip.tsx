// The values being read, one table row per run, beside the crosshair (on its
// left once it passes the middle, and always inside the chart: tooltipPlacement.ts).
import { useLayoutEffect, useRef, useState } from 'react';
import type { HoverRow } from './hoverRows.ts';
import { tooltipLeft } from './tooltipPlacement.ts';
import { formatCount, formatEpochs, formatValue } from '../shared/format.ts';

export interface LossTooltipProps {
  readonly rows: readonly HoverRow[];
  /** Pixel x of the crosshair, and the chart's width and the plot's top. */
  readonly left: number;
  readonly width: number;
  readonly top: number;
  /** Announced to screen readers (keyboard reading), or silent (pointer). */
  readonly announce: boolean;
}

export function LossTooltip({ rows, left, width, top, announce }: LossTooltipProps) {
  const table = useRef<HTMLDivElement>(null);
  // The table's width once drawn; 0 before, which places it as if it fitted beside the crosshair.
  const [tipWidth, setTipWidth] = useState(0);
  useLayoutEffect(() => {
    const drawn = table.current?.offsetWidth ?? 0;
    if (drawn !== tipWidth) setTipWidth(drawn);
  }, [rows, tipWidth]);
  // Only when a run read has a validation set.
  const withVal = rows.some((r) => r.valLoss !== null);
  return (
    <div ref={table} className="panel-tooltip" role={announce ? 'status' : undefined} style={{ top: top + 2, left: tooltipLeft(left, width, tipWidth) }}>
      <table>
        <thead>
          <tr>
            <th />
            <th>step</th>
            <th>epoch</th>
            <th>full loss</th>
            <th>batch loss</th>
            {withVal ? <th>val loss</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.run.id}>
              <td>
                <span className="swatch-dot" style={{ background: r.run.color }} />
                {r.run.name}
              </td>
              <td>{formatCount(r.step)}</td>
              <td>{formatEpochs(r.epoch)}</td>
              <td>{formatValue(r.loss)}</td>
              <td>{r.step === 0 ? 'start' : formatValue(r.batchLoss)}</td>
              {withVal ? <td>{r.valLoss === null || Number.isNaN(r.valLoss) ? '—' : formatValue(r.valLoss)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
