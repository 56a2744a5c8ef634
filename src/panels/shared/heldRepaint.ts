// A chart canvas's whole repaint sent to the raster worker while a run trains.
// The canvas keeps its last picture until the new one is back, and the chart
// holds everything drawn with it (its axes) meanwhile, so what is on screen is
// always one consistent picture: for a few frames the curves' tips wait,
// instead of one frame that stalls the page while the main thread rasters.
import { clipToPlot, devicePixels, showBitmap, type CanvasFrame } from './canvas.ts';
import type { OffThreadRaster } from './offThreadRaster.ts';

/** The recorder, loaded after the first paint (nothing is sent out before a run trains); until then, and if it cannot be fetched, repaints stay on the page. */
type Recorder = typeof import('./displayList.ts');

/**
 * Recorded numbers below which a repaint stays on the main thread: a few
 * thousand segments raster in a few milliseconds, less than the round trip
 * would hold the chart.
 */
export const OFF_THREAD_MIN_OPS = 6_000;

/** The worker side: OffThreadRaster, or a test's stand-in. */
export type Raster = Pick<OffThreadRaster, 'available' | 'render'> & Partial<Pick<OffThreadRaster, 'takeBuffer' | 'keepBuffer'>>;

/** Where a whole paint goes: the canvas, its frame and size in CSS pixels, the clip's pad and the device-pixel ratio. */
export interface WholePaint {
  readonly canvas: HTMLCanvasElement;
  readonly frame: CanvasFrame;
  readonly pad: number;
  readonly ratio: number;
  readonly draw: (ctx: CanvasRenderingContext2D) => void;
}

/**
 * Runs `paint` on the next animation frame (at once where there are none): the
 * paint that follows a picture's arrival then joins the frame's own paint of
 * new rows instead of adding a second one between frames.
 */
export function nextFrame(paint: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(paint);
  else paint();
}

export class HeldRepaint {
  private pending: { readonly canvas: HTMLCanvasElement; readonly token: object } | null = null;
  private recorder: Recorder | null = null;
  /** Settles once repaints can be sent out (true) or never will be (false). */
  readonly ready: Promise<boolean>;

  constructor(private readonly raster: Raster | null) {
    this.ready = raster
      ? import('./displayList.ts').then(
          (recorder) => ((this.recorder = recorder), true),
          () => false,
        )
      : Promise.resolve(false);
  }

  /** Whether a picture for `canvas` is out: the chart holds what it shows. */
  isHolding(canvas: HTMLCanvasElement | null): boolean {
    return this.pending !== null && this.pending.canvas === canvas;
  }

  /** Forgets the picture out (the chart paints now instead); it is dropped when it comes. */
  drop(): void {
    if (this.pending) delete this.pending.canvas.dataset.held;
    this.pending = null;
  }

  /**
   * Records the paint and, when it is large enough and a worker can raster it,
   * sends it and returns true; `shown` follows once the picture is on the canvas
   * (false: the worker failed, and nothing changed). False: the caller paints.
   */
  send({ canvas, frame, pad, ratio, draw }: WholePaint, shown: (ok: boolean) => void): boolean {
    if (!this.raster?.available || !this.recorder) return false;
    const recorder = new this.recorder.RecordingContext(this.raster.takeBuffer?.());
    recorder.setTransform(ratio, 0, 0, ratio, 0, 0);
    clipToPlot(recorder, frame, pad);
    draw(recorder.asContext());
    const list = recorder.finish();
    if (list.ops.length < OFF_THREAD_MIN_OPS) {
      this.raster.keepBuffer?.(list.ops);
      return false;
    }
    const token = {};
    this.pending = { canvas, token };
    // Said on the canvas for whoever must see the chart settled (a test, a screenshot): `canvas[data-held]`.
    canvas.dataset.held = '';
    const { width, height } = frame;
    void this.raster.render({ width: devicePixels(width, ratio), height: devicePixels(height, ratio), list }).then((bitmap) => {
      if (this.pending?.token !== token) {
        bitmap?.close();
        return;
      }
      this.pending = null;
      delete canvas.dataset.held;
      if (bitmap) {
        showBitmap(canvas, width, height, bitmap, ratio);
        bitmap.close();
      }
      shown(bitmap !== null);
    });
    return true;
  }
}
