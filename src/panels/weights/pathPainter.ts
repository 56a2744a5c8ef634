// The weight-space paths painted from the runs as they are now, outside
// React: each frame extends every path from the rows already drawn, unless
// something that places drawn pixels changed (pathAppend.ts). While a run
// trains, a large whole repaint is rastered in a worker, the canvas showing
// its last picture until the new one is back (shared/heldRepaint.ts).
import type { RunView } from '../../store/runTypes.ts';
import { appendPlot, paintPlot, screenRatio } from '../shared/canvas.ts';
import { frameKey, type PlotFrame } from '../shared/plotFrame.ts';
import { HeldRepaint, nextFrame, type Raster } from '../shared/heldRepaint.ts';
import { anyTraining, sameRuns } from '../shared/useLivePaint.ts';
import { drawPaths } from './drawPaths.ts';
import { planPathPaint, type PathPaintRecord } from './pathAppend.ts';
import type { WeightStyle } from './style.ts';
import { runPaths, TrajectoryCache } from './weightScene.ts';

export class PathPainter {
  private readonly cache = new TrajectoryCache();
  private record: PathPaintRecord | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private style: WeightStyle | null = null;
  private last: { readonly runs: readonly RunView[]; readonly frame: PlotFrame; readonly primaryId: string | undefined; readonly ratio: number } | null = null;
  private readonly held: HeldRepaint;
  /** The frame of what the canvas shows, and of the picture out: the axes and contours are React's, drawn for the frame at once. */
  private drawnFrame: PlotFrame | null = null;
  private heldFrame: PlotFrame | null = null;
  /** What the last paint was asked to paint: the paint after a picture comes back paints the newest. */
  private latest: Parameters<PathPainter['paint']> | null = null;
  /** Whole paints, appends and whole paints rastered in the worker so far. */
  readonly counts = { whole: 0, appended: 0, offThread: 0 };

  /** `raster`: where large whole repaints go while a run trains (none: all on the main thread). */
  constructor(raster: Raster | null = null) {
    this.held = new HeldRepaint(raster);
  }

  /** Settles once whole repaints can go to the raster worker (true) or never will (false). */
  get ready(): Promise<boolean> {
    return this.held.ready;
  }

  /** Forgets a picture still out (the chart is going away); the raster worker is the page's. */
  dispose(): void {
    this.held.drop();
  }

  /** Paints the runs in the frame, or nothing when none of them changed since the last paint (the page calls it per frame and per render). */
  paint(canvas: HTMLCanvasElement | null, runs: readonly RunView[], frame: PlotFrame, primaryId: string | undefined, style: WeightStyle): void {
    if (!canvas) return;
    this.latest = [canvas, runs, frame, primaryId, style];
    const ratio = screenRatio();
    const training = anyTraining(runs);
    // Hold while a picture for this canvas and frame is out; anything else (training over, another canvas, style or
    // frame) paints now and drops it: the axes and contours follow a new frame at once, so the paths must too.
    if (this.held.isHolding(canvas) && style === this.style && frame === this.heldFrame && training) return;
    this.held.drop();
    // A new style changes every drawn pixel: nothing drawn before can be appended to.
    const same = canvas === this.canvas && style === this.style;
    if (same && this.last && sameRuns(this.last.runs, runs) && this.last.frame === frame && this.last.primaryId === primaryId && this.last.ratio === ratio) return;
    this.last = { runs, frame, primaryId, ratio };
    this.style = style;
    const plan = planPathPaint(same ? this.record : null, runPaths(runs, this.cache), primaryId, `${frameKey(frame)}|${ratio}`);
    const draw = (ctx: CanvasRenderingContext2D) => drawPaths(ctx, frame, plan.shapes, style);
    // Only a repaint in the frame already shown may wait for the worker (a rebuilt thinning, a longer path).
    if (plan.whole && training && same && frame === this.drawnFrame) {
      const sent = this.held.send({ canvas, frame, pad: 0, ratio, draw }, (ok) => {
        this.record = ok ? plan.record : null;
        this.canvas = canvas;
        // Then what came meanwhile (after a failure, whole, on the main thread).
        this.last = null;
        nextFrame(() => this.latest && this.paint(...this.latest));
      });
      if (sent) {
        this.heldFrame = frame;
        this.counts.offThread++;
        return;
      }
    }
    if (plan.whole) paintPlot(canvas, frame, draw, 0, ratio);
    else appendPlot(canvas, frame, draw, 0, ratio);
    this.counts[plan.whole ? 'whole' : 'appended']++;
    this.record = plan.record;
    this.canvas = canvas;
    this.drawnFrame = frame;
  }
}
