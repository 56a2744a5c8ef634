// Dense series are drawn on a canvas sized in device pixels, so lines stay
// sharp on high-density screens while drawing code works in CSS pixels.
import type { PlotFrame } from './plotFrame.ts';

/** Device pixels per CSS pixel on this screen (1 where there is no window). */
export function screenRatio(): number {
  return typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
}

/** A canvas's backing-store size in device pixels for `css` CSS pixels: never 0, which a canvas cannot be drawn from. */
export function devicePixels(css: number, ratio: number): number {
  return Math.max(1, Math.round(css * ratio));
}

/**
 * Resizes the canvas backing store to `ratio` device pixels per CSS pixel (the
 * screen's by default; an export passes its own) and returns a context in CSS
 * pixels, cleared.
 */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number, ratio = screenRatio()): CanvasRenderingContext2D | null {
  const pixelWidth = devicePixels(width, ratio);
  const pixelHeight = devicePixels(height, ratio);
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}

/** The part of a plot frame a canvas layer needs: its size and the plot box (the scales' ranges). */
export type CanvasFrame = Pick<PlotFrame, 'width' | 'height' | 'x' | 'y'>;

/**
 * prepareCanvas, then save the state and clip to the plot area (grown by `pad`
 * pixels above and below, for markers that sit on the edge), so nothing drawn
 * spills over the axes. The caller restores the context when done.
 */
export function preparePlot(canvas: HTMLCanvasElement, frame: CanvasFrame, pad = 0, ratio = screenRatio()): CanvasRenderingContext2D | null {
  const ctx = prepareCanvas(canvas, frame.width, frame.height, ratio);
  if (!ctx) return null;
  ctx.save();
  clipToPlot(ctx, frame, pad);
  return ctx;
}

/** What clipping to a plot needs of a 2D context, on screen or on an OffscreenCanvas. */
type Clippable = Pick<CanvasRenderingContext2D, 'beginPath' | 'rect' | 'clip'>;

/** Clips `ctx` to the plot box grown by `pad` pixels above and below (the context's state is the caller's to save). */
export function clipToPlot(ctx: Clippable, frame: CanvasFrame, pad: number): void {
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  ctx.beginPath();
  ctx.rect(x0, y1 - pad, x1 - x0, y0 - y1 + 2 * pad);
  ctx.clip();
}

/**
 * Draws one canvas layer: preparePlot, then `draw` in CSS pixels inside the
 * clip, then the context restored, so a panel hands over a drawing function
 * and never touches the context itself.
 */
export function paintPlot(canvas: HTMLCanvasElement, frame: CanvasFrame, draw: (ctx: CanvasRenderingContext2D) => void, pad = 0, ratio = screenRatio()): void {
  const ctx = preparePlot(canvas, frame, pad, ratio);
  if (!ctx) return;
  try {
    draw(ctx);
  } finally {
    ctx.restore();
  }
}

/**
 * Draws onto what the canvas layer already shows, without resizing or
 * clearing it: an append to the last paintPlot of the same frame, ratio and
 * pad (the caller makes sure they are the same, else it paints afresh).
 */
export function appendPlot(canvas: HTMLCanvasElement, frame: CanvasFrame, draw: (ctx: CanvasRenderingContext2D) => void, pad = 0, ratio = screenRatio()): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  clipToPlot(ctx, frame, pad);
  try {
    draw(ctx);
  } finally {
    ctx.restore();
  }
}

/**
 * Shows a picture rastered elsewhere (an ImageBitmap from a worker, in device
 * pixels at `ratio`) as the canvas layer's whole content, sized as
 * prepareCanvas sizes it, so later appends draw onto it as onto a paintPlot.
 */
export function showBitmap(canvas: HTMLCanvasElement, width: number, height: number, bitmap: ImageBitmap, ratio = screenRatio()): void {
  const ctx = prepareCanvas(canvas, width, height, ratio);
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(bitmap, 0, 0);
}
