// The data chart's current mini-batch: large dots ringed in ink, filled with
// the run's colour (line data) or the example's residual colour (plane data).
import type { DrawFn } from '../shared/plotFrame.ts';
import type { BatchShapes } from './scatterLayout.ts';
import type { DataStyle } from './style.ts';

export interface BatchMarks extends BatchShapes {
  readonly color: string;
}

/** Draws the batch's examples, from the `from`-th on. */
export const drawBatch: DrawFn<CanvasRenderingContext2D, BatchMarks, DataStyle> = (ctx, frame, shapes, style, from = 0) => {
  const dot = shapes.plane ? style.batch.plane : style.batch.line;
  ctx.lineWidth = dot.strokeWidth;
  ctx.strokeStyle = style.ink;
  for (let j = from; j < shapes.x.length; j++) {
    ctx.beginPath();
    ctx.arc(frame.x(shapes.x[j]), frame.y(shapes.y[j]), dot.radius, 0, 2 * Math.PI);
    ctx.fillStyle = shapes.bins ? style.residualColors[shapes.bins[j]] : shapes.color;
    ctx.fill();
    ctx.stroke();
  }
};
