// One frame of the loss chart, painted from the runs as they are now, outside
// React: the layout, frame and marks are computed here, the canvas gets only
// what a chunk appended unless something that places its pixels changed
// (curveAppend.ts), and the SVG layers are redrawn only when the axes or the
// marks on them change. While a run trains, a large whole repaint is rastered
// in a worker and the chart holds its last picture, curves and axes together,
// until it is back (shared/heldRepaint.ts); so is the repaint that settles
// the axes onto the data when training stops, the largest of all, unless the
// view changes meanwhile. Kept per chart: its layout cache and what it drew.
import type { RunView } from '../../store/runTypes.ts';
import type { XZoom } from '../../url/view.ts';
import { appendPlot, paintPlot, screenRatio } from '../shared/canvas.ts';
import { HeldRepaint, nextFrame, type Raster } from '../shared/heldRepaint.ts';
import { startLossFor } from '../shared/dataCache.ts';
import { frameKey, plotSize, type PlotFrame } from '../shared/plotFrame.ts';
import { anyTraining, sameRuns } from '../shared/useLivePaint.ts';
import type { XAxisMode } from '../shared/xAxis.ts';
import { planCurvePaint, type CurvePaintRecord } from './curveAppend.ts';
import { drawBackground } from './drawBackground.ts';
import { drawCurves } from './drawCurves.ts';
import { drawEpochDots } from './drawEpochDots.ts';
import { drawForeground } from './drawForeground.ts';
import type { YScaleMode } from './lossDomain.ts';
import { LOSS_MARGIN, lossFrame } from './lossFrame.ts';
import { buildLossLayout, LossLayoutCache, type LossLayout } from './lossLayout.ts';
import { lossMarks, type LossMarks } from './lossMarks.ts';
import type { LossStyle } from './style.ts';

export interface LossView {
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  readonly smoothing: number;
  readonly primaryRunId: string | null;
  readonly zoom: XZoom | null;
  readonly logX: boolean;
  readonly width: number;
  readonly height: number;
  /** The chart's style (the screen's, or the presentation view's heavier one). */
  readonly style: LossStyle;
}

export interface LossTargets {
  readonly canvas: HTMLCanvasElement | null;
  readonly back: SVGSVGElement | null;
  readonly front: SVGSVGElement | null;
}

/**
 * While the axes stay put, the SVG layers follow new epoch rules and clip
 * marks at most this often (a last paint follows, so nothing is left stale):
 * finding the clip marks is a pass over every row, and redrawing them DOM
 * work, both costlier per frame than the canvas appends.
 */
export const MARKS_INTERVAL_MS = 200;

/** The SVG layers as they go with a picture: drawn with it when it is shown. */
interface SvgPaint {
  readonly back: SVGSVGElement | null;
  readonly front: SVGSVGElement | null;
  readonly frame: PlotFrame;
  readonly key: string;
  readonly marks: LossMarks;
  readonly yScale: LossView['yScale'];
  readonly firstStep: number | undefined;
  readonly style: LossStyle;
}

function sameTargets(a: LossTargets, b: LossTargets): boolean {
  return a.canvas === b.canvas && a.back === b.back && a.front === b.front;
}

function sameView(a: LossView, b: LossView): boolean {
  return (Object.keys(a) as (keyof LossView)[]).every((k) => a[k] === b[k]);
}

export class LossPainter {
  private readonly cache = new LossLayoutCache();
  private curves: CurvePaintRecord | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private svgKey = '';
  private svgFrameKey = '';
  private svgAt = -Infinity;
  private svgTimer: ReturnType<typeof setTimeout> | null = null;
  private svg: readonly (SVGSVGElement | null)[] = [];
  private style: LossStyle | null = null;
  private readonly held: HeldRepaint;
  /** Whether the last paint drew a run training: the paint after it settles the axes. */
  private wasTraining = false;
  /** The view of the settling repaint out, held until it is back unless the view changes. */
  private settleView: LossView | null = null;
  /** Whole paints, appends and whole paints rastered in the worker so far (what a test or a profile reads to see which happen). */
  readonly counts = { whole: 0, appended: 0, offThread: 0 };

  /** `raster`: where large whole repaints go while a run trains (none: all on the main thread). */
  constructor(raster: Raster | null = null) {
    this.held = new HeldRepaint(raster);
  }

  /** What the last paint was asked to paint: a paint that follows later paints the newest. */
  private latest: [LossTargets, readonly RunView[], LossView] | null = null;

  /**
   * Paints the runs in the view, or nothing when neither they, the view nor
   * the targets changed since the last paint: the page calls it on every
   * animation frame with new records and after every render of the panel.
   */
  paint(targets: LossTargets, runs: readonly RunView[], view: LossView): void {
    const last = this.latest;
    if (last && sameTargets(last[0], targets) && sameRuns(last[1], runs) && sameView(last[2], view)) return;
    this.draw(targets, runs, view);
  }

  /** Settles once whole repaints can go to the raster worker (true) or never will (false). */
  get ready(): Promise<boolean> {
    return this.held.ready;
  }

  /** Forgets a picture still out (the chart is going away); the raster worker is the page's. */
  dispose(): void {
    this.held.drop();
  }

  private draw(targets: LossTargets, runs: readonly RunView[], view: LossView): void {
    this.latest = [targets, runs, view];
    const { style } = view;
    const training = anyTraining(runs);
    // Hold while a picture for this canvas is out and runs train, or it settles a stop and the view is the same;
    // anything else (a new view, canvas or style; a stop while a picture is out) paints anew and drops it.
    const settled = this.settleView !== null && sameView(this.settleView, view);
    if (this.held.isHolding(targets.canvas) && style === this.style && (training || settled)) return;
    this.held.drop();
    this.settleView = null;
    // The first paint after training stops: the axes leave the growth ladder (growth.ts) for the data's own ends.
    const settling = this.wasTraining && !training;
    this.wasTraining = training;
    // A new style changes every drawn pixel: nothing drawn before can be appended to.
    if (style !== this.style) {
      this.curves = null;
      this.svgKey = '';
      this.style = style;
    }
    const layout = buildLossLayout(
      runs,
      { xAxis: view.xAxis, yScale: view.yScale, smoothing: view.smoothing, primaryRunId: view.primaryRunId, initialLoss: (r) => startLossFor(r.settings), zoom: view.zoom, logX: view.logX },
      this.cache,
    );
    const frame = lossFrame(layout, view.width, view.height, view.yScale);
    const key = frameKey(frame);
    const { canvas, back, front } = targets;
    // The marks on the axes are found (a pass over every row) only when the SVG layers may be redrawn: new axes at
    // once, new marks on the same axes at most every MARKS_INTERVAL_MS, by a paint that follows then.
    const sameTargets = this.svg[0] === back && this.svg[1] === front;
    const wait = this.svgAt + MARKS_INTERVAL_MS - performance.now();
    const svgDue = !sameTargets || key !== this.svgFrameKey || wait <= 0;
    const marks = lossMarks(layout, {
      xAxis: view.xAxis,
      yScale: view.yScale,
      plotWidth: plotSize(LOSS_MARGIN, view.width, view.height)[0],
      epochDotSpacing: style.epochDotSpacing,
      epochRuleSpacing: style.epochRuleSpacing,
      clipMarkSpacing: style.clipMarkSpacing,
      thinned: false,
      edges: svgDue,
    });
    if (canvas) {
      // Another canvas element shows nothing of what was drawn; the frame and the ratio fix the canvas's size.
      const ratio = screenRatio();
      const shown = canvas === this.canvas ? this.curves : null;
      const plan = planCurvePaint(shown, layout, view.smoothing > 0, marks.epochDots, `${key}|${ratio}`);
      const draw = (ctx: CanvasRenderingContext2D) => {
        drawCurves(ctx, frame, plan.shapes, style);
        drawEpochDots(ctx, frame, plan.dots, style);
      };
      if (plan.whole && (training || settling)) {
        const svg = svgDue ? { back, front, frame, key, marks, yScale: view.yScale, firstStep: firstStepOf(layout), style } : null;
        const sent = this.held.send({ canvas, frame, pad: style.edgePad, ratio, draw }, (ok) => {
          if (ok) {
            this.curves = plan.record;
            this.canvas = canvas;
            if (svg) this.paintSvg(svg);
          }
          // Then what came meanwhile; after a failure, the next paint is whole, on the main thread.
          nextFrame(() => this.latest && this.draw(...this.latest));
        });
        if (sent) {
          if (settling) this.settleView = view;
          this.counts.offThread++;
          return;
        }
      }
      if (plan.whole) paintPlot(canvas, frame, draw, style.edgePad, ratio);
      else appendPlot(canvas, frame, draw, style.edgePad, ratio);
      this.counts[plan.whole ? 'whole' : 'appended']++;
      this.curves = plan.record;
      this.canvas = canvas;
    }
    if (!svgDue) {
      this.svgTimer ??= setTimeout(() => {
        this.svgTimer = null;
        if (this.latest) this.draw(...this.latest);
      }, wait);
      return;
    }
    this.paintSvg({ back, front, frame, key, marks, yScale: view.yScale, firstStep: firstStepOf(layout), style });
  }

  private paintSvg({ back, front, frame, key, marks, yScale, firstStep, style }: SvgPaint): void {
    if (this.svgTimer) clearTimeout(this.svgTimer);
    this.svgTimer = null;
    const sameTargets = this.svg[0] === back && this.svg[1] === front;
    const svgKey = [key, yScale, firstStep, JSON.stringify([marks.rules, marks.offScale, marks.clipped, marks.titles])].join('|');
    if (svgKey === this.svgKey && sameTargets) return;
    if (back) drawBackground(back, frame, marks.rules, style);
    if (front) drawForeground(front, frame, { marks, yScale, logXFirstStep: firstStep }, style);
    this.svgKey = svgKey;
    this.svgFrameKey = key;
    this.svgAt = performance.now();
    this.svg = [back, front];
  }
}

function firstStepOf(layout: LossLayout): number | undefined {
  return layout.window.log ? layout.window.firstStep : undefined;
}
