// The weight-space paths painted from the runs as they are now, outside
// React: each frame extends every path from the rows already drawn, unless
// something that places drawn pixels changed (pathAppend.ts).
import type { RunView } from '../../store/runTypes.ts';
import { appendPlot, paintPlot, screenRatio } from '../shared/canvas.ts';
import { frameKey, type PlotFrame } from '../shared/plotFrame.ts';
import { sameRuns } from '../shared/useLivePaint.ts';
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
  /** Whole paints and appends so far. */
  readonly counts = { whole: 0, appended: 0 };

  /** Paints the runs in the frame, or nothing when none of them changed since the last paint (the page calls it per frame and per render). */
  paint(canvas: HTMLCanvasElement | null, runs: readonly RunView[], frame: PlotFrame, primaryId: string | undefined, style: WeightStyle): void {
    if (!canvas) return;
    const ratio = screenRatio();
    // A new style changes every drawn pixel: nothing drawn before can be appended to.
    const same = canvas === this.canvas && style === this.style;
    if (same && this.last && sameRuns(this.last.runs, runs) && this.last.frame === frame && this.last.primaryId === primaryId && this.last.ratio === ratio) return;
    this.last = { runs, frame, primaryId, ratio };
    this.style = style;
    const plan = planPathPaint(same ? this.record : null, runPaths(runs, this.cache), primaryId, `${frameKey(frame)}|${ratio}`);
    const draw = (ctx: CanvasRenderingContext2D) => drawPaths(ctx, frame, plan.shapes, style);
    if (plan.whole) paintPlot(canvas, frame, draw, 0, ratio);
    else appendPlot(canvas, frame, draw, 0, ratio);
    this.counts[plan.whole ? 'whole' : 'appended']++;
    this.record = plan.record;
    this.canvas = canvas;
  }
}
