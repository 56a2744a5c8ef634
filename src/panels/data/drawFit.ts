// The data chart's fit lines: the best fit dashed in ink, the current fit in
// the run's colour over it.
import type { DrawFn } from '../shared/plotFrame.ts';
import type { FitLine } from './scatterLayout.ts';
import type { DataStyle } from './style.ts';

export interface FitShapes {
  readonly lines: readonly FitLine[];
  /** The run's colour, for the current fit. */
  readonly color: string;
}

export const drawFit: DrawFn<CanvasRenderingContext2D, FitShapes, DataStyle> = (ctx, frame, shapes, style) => {
  if (shapes.lines.length === 0) return;
  for (const line of shapes.lines) {
    const stroke = line.kind === 'best' ? style.bestFit : style.fit;
    ctx.beginPath();
    ctx.setLineDash([...(stroke.dash ?? [])]);
    ctx.strokeStyle = line.kind === 'best' ? style.ink : shapes.color;
    ctx.lineWidth = stroke.width;
    ctx.moveTo(frame.x(line.x[0]), clampPx(frame.y(line.y[0])));
    ctx.lineTo(frame.x(line.x[1]), clampPx(frame.y(line.y[1])));
    ctx.stroke();
  }
  ctx.setLineDash([]);
};

/** A steep or diverged fit is pinned a million pixels out, which the canvas still draws as a line leaving the plot. */
function clampPx(v: number): number {
  return Number.isFinite(v) ? Math.max(-1e6, Math.min(1e6, v)) : v > 0 ? 1e6 : -1e6;
}
