// The loss curves on canvas: every run's mini-batch loss first (smoothed, if
// asked, over a faint raw copy), then the validation loss of every run that
// has a validation set (dashed), then every run's full-data loss on top,
// never smoothed and never thinner, each on a paper casing, so no full curve
// is buried under batch noise.
import type { PlotFrame } from '../shared/plotFrame.ts';
import { drawDecimated, toPixel } from '../shared/pixelLine.ts';
import { PAPER, type StrokeStyle } from '../shared/markStyle.ts';
import { inDrawOrder } from './lossMarks.ts';
import type { DrawnLine, LineSeries, LossLayout } from './lossLayout.ts';
import type { CurveStyle, LossStyle } from './style.ts';

/** The curves to draw: the layout, and whether the smoothed batch curves are shown over faint raw ones. */
export interface CurveShapes {
  readonly layout: LossLayout;
  readonly smoothed: boolean;
}

/** Strokes rows `from` … end as one polyline (from the row before, so an appended piece joins on), breaking at NaN. */
function strokeLine(ctx: CanvasRenderingContext2D, frame: PlotFrame, line: DrawnLine, stroke: StrokeStyle, from: number): void {
  const start = Math.max(0, Math.min(from - 1, line.length));
  ctx.globalAlpha = stroke.alpha ?? 1;
  ctx.lineWidth = stroke.width;
  if (stroke.dash) {
    // The dashes keep their phase along x, so a piece appended later continues the pattern rather than restarting it.
    ctx.setLineDash([...stroke.dash]);
    ctx.lineDashOffset = start < line.length ? toPixel(frame.xPixels, line.x[start]) || 0 : 0;
  }
  ctx.beginPath();
  if (start === 0) drawDecimated(line.x, line.y, line.length, frame.xPixels, frame.yPixels, ctx);
  else drawDecimated(line.x.subarray(start), line.y.subarray(start), line.length - start, frame.xPixels, frame.yPixels, ctx);
  ctx.stroke();
  if (stroke.dash) ctx.setLineDash([]);
}

function drawLine(ctx: CanvasRenderingContext2D, frame: PlotFrame, line: LineSeries, color: string, curve: Pick<CurveStyle, 'raw'> & Partial<CurveStyle>, style: LossStyle, smoothed: boolean, from: number): void {
  if (line.length === 0) return;
  ctx.strokeStyle = color;
  if (smoothed && line.drawnSmooth && curve.smoothed) {
    // The raw curve stays visible behind the smoothed one, so smoothing never hides what happened.
    const { alpha = 1, width } = curve.smoothed;
    const under = style.underSmoothed;
    strokeLine(ctx, frame, line.drawn, { alpha: alpha * under.alpha, width: Math.max(under.minWidth, width * under.width) }, from);
    strokeLine(ctx, frame, line.drawnSmooth, curve.smoothed, from);
  } else {
    strokeLine(ctx, frame, line.drawn, curve.raw, from);
  }
  ctx.globalAlpha = 1;
}

/** Draws every visible run's curves; `from` appends from that drawn row of each line on. */
export function drawCurves(ctx: CanvasRenderingContext2D, frame: PlotFrame, shapes: CurveShapes, style: LossStyle, from = 0): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const order = inDrawOrder(shapes.layout);
  for (const s of order) drawLine(ctx, frame, s.batch, s.run.color, style.batch, style, shapes.smoothed, from);
  for (const s of order) if (s.val) drawLine(ctx, frame, s.val, s.run.color, { raw: style.val }, style, false, from);
  for (const s of order) {
    // The casing goes under each full curve just before it: over every batch curve, under the full curves drawn later.
    if (s.full.length > 0) {
      ctx.strokeStyle = PAPER;
      strokeLine(ctx, frame, s.full.drawn, style.fullCasing, from);
    }
    drawLine(ctx, frame, s.full, s.run.color, style.full, style, shapes.smoothed, from);
  }
}
