// The data chart's base canvas: the examples, as one cloud of neutral dots
// (line data) or coloured by residual (plane data).
import type { DrawFn } from '../shared/plotFrame.ts';
import type { ScatterShapes } from './scatterLayout.ts';
import { cloudDots, type DataStyle } from './style.ts';

/** Draws the examples; with `from`, only those from that example index on (the rest is drawn already). */
export const drawScatter: DrawFn<CanvasRenderingContext2D, ScatterShapes, DataStyle> = (ctx, frame, shapes, style, from = 0) => {
  const { xs, ys, stride, bins } = shapes;
  const { radius, alpha } = cloudDots(shapes.count, style);
  const dot = (i: number, r: number): void => {
    const px = frame.x(xs[i]);
    const py = frame.y(ys[i]);
    ctx.moveTo(px + r, py);
    ctx.arc(px, py, r, 0, 2 * Math.PI);
  };
  if (!bins) {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = style.dotColor;
    ctx.beginPath();
    for (let i = Math.ceil(from / stride) * stride; i < xs.length; i += stride) dot(i, radius);
    ctx.fill();
    return;
  }
  // One fill per colour bin rather than per dot: setting fillStyle 20,000 times a frame is the slow part.
  const r = radius + style.residualDot.extraRadius;
  ctx.globalAlpha = Math.min(style.residualDot.maxAlpha, alpha + style.residualDot.extraAlpha);
  bins.forEach((members, b) => {
    if (members.length === 0) return;
    ctx.fillStyle = style.residualColors[b];
    ctx.beginPath();
    for (const i of members) if (i >= from) dot(i, r);
    ctx.fill();
  });
};
