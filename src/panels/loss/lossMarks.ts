// The loss chart's marks beyond the curves, in data units: epoch-end dots,
// epoch rules, markers where a run leaves the top of the axis, marks where a
// curve is beyond the axis, whether the view is thinned, and the titles.
// Pure: the drawing code only maps these to pixels.
import { bisectLeft, bisectRight } from 'd3-array';
import { anyClipped, clipMarksOf, type ClipMark } from './clipMarks.ts';
import { formatCount } from '../shared/format.ts';
import { clampToDomain, type YScaleMode } from './lossDomain.ts';
import type { LossLayout, RunLossSeries } from './lossLayout.ts';
import { thinnedBucket } from './thinned.ts';
import { epochBoundaries, niceStride, X_AXIS_LABELS, type XAxisMode } from '../shared/xAxis.ts';

export interface MarkOptions {
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  /** Width of the plot box in pixels: how many epoch dots and rules fit. */
  readonly plotWidth: number;
  /** Plot pixels per epoch dot and per epoch rule (see LossStyle). */
  readonly epochDotSpacing: number;
  readonly epochRuleSpacing: number;
  /** Plot pixels per mark where a curve is beyond the axis. */
  readonly clipMarkSpacing: number;
  /** Whether to find thinnedSteps (default true); a painter that never shows it skips the pass over every row. */
  readonly thinned?: boolean;
  /** Whether to find offScale and clipped (default true); a painter between two redraws of its axes skips them. */
  readonly edges?: boolean;
}

export interface EpochDot {
  readonly color: string;
  readonly x: number;
  /** Full loss at the epoch's end and mean batch loss, pinned onto the axis; NaN: not drawn. */
  readonly loss: number;
  readonly mean: number;
  /** Validation loss at the epoch's end, likewise; NaN without a validation set. */
  readonly val: number;
}

export interface EpochRule {
  readonly epoch: number;
  readonly x: number;
}

export interface OffScaleMark {
  readonly color: string;
  readonly x: number;
  /** What hovering the mark says. */
  readonly title: string;
}

export interface LossMarks {
  /** In drawing order: run by run (the primary run last), each epoch's mean dot before its loss dot. */
  readonly epochDots: EpochDot[];
  /** The primary run's epoch ends inside the x-domain. */
  readonly rules: EpochRule[];
  readonly offScale: OffScaleMark[];
  /** Where curves are beyond the y-axis, one mark per edge per stretch of the plot. */
  readonly clipped: ClipMark[];
  /**
   * Steps one kept row stands for where the shown rows are level-of-detail
   * buckets wider than a pixel column (the view is then not exact), or 0
   * when every step that matters is drawn.
   */
  readonly thinnedSteps: number;
  readonly titles: [string, string];
}

/** The chart's title follows its x-axis: what one unit along it is. */
export const LOSS_TITLES: Readonly<Record<XAxisMode, string>> = {
  steps: 'Loss per step',
  epochs: 'Loss per epoch',
  examples: 'Loss per example seen',
};

/** The x-axis title, saying where a log axis puts the start it cannot place. */
export function xTitle(mode: XAxisMode, log: boolean): string {
  return log ? `${X_AXIS_LABELS[mode]} (log scale; the start, 0, at the left edge)` : X_AXIS_LABELS[mode];
}

/** The runs in drawing order: the primary run last, so it is on top. */
export function inDrawOrder(layout: LossLayout): RunLossSeries[] {
  return [...layout.series].sort((a, b) => Number(a === layout.primary) - Number(b === layout.primary));
}

/** The first row of a run whose loss is above the axis or not finite: where it leaves the chart. */
function firstOffScale(s: RunLossSeries, top: number): number {
  for (let i = 0; i < s.full.length; i++) if (!(s.full.y[i] <= top)) return i;
  return -1;
}

/** Whether lossMarks would find clip marks (the legend's "beyond the axis" entry), stopping at the first. */
export function hasClipMarks(layout: LossLayout): boolean {
  return layout.series.some((s) => anyClipped(s.batch, layout.window, layout.yDomain) || anyClipped(s.full, layout.window, layout.yDomain));
}

export function lossMarks(layout: LossLayout, options: MarkOptions): LossMarks {
  const domain = layout.yDomain;
  const [lo, hi] = layout.xDomain;
  const inWindow = (x: number) => x >= lo && x <= hi;
  const epochDots: EpochDot[] = [];
  for (const s of inDrawOrder(layout)) {
    const e = s.epochs;
    // Epoch ends are in step order, so those in the window are one run of rows: found without a list of them.
    const first = bisectLeft(e.x, lo, 0, e.length);
    const end = bisectRight(e.x, hi, 0, e.length);
    const stride = niceStride(end - first, Math.max(1, options.plotWidth / options.epochDotSpacing));
    // Counted from the first epoch, so zooming does not change which epochs keep their dot.
    for (let i = Math.ceil((first + 1) / stride) * stride - 1; i < end; i += stride) {
      epochDots.push({ color: s.run.color, x: e.x[i], loss: clampToDomain(e.loss[i], domain), mean: clampToDomain(e.mean[i], domain), val: e.val ? clampToDomain(e.val[i], domain) : NaN });
    }
  }

  const primary = layout.primary;
  const rules = primary ? epochBoundaries(primary.epochs.length, options.xAxis, primary.plan, Math.max(1, options.plotWidth / options.epochRuleSpacing), [lo, hi]) : [];

  // A run whose loss leaves the top of the axis gets a marker there, so a clipped curve is never mistaken for a flat one.
  const hint = options.yScale === 'linear' ? ' (switch y to log to see it)' : '';
  const edges = options.edges !== false;
  const offScale: OffScaleMark[] = [];
  if (edges) for (const s of layout.series) {
    const i = firstOffScale(s, domain[1]);
    if (i >= 0 && inWindow(s.full.x[i])) offScale.push({ color: s.run.color, x: s.full.x[i], title: `${s.run.name}: the loss leaves the top of the axis at step ${formatCount(s.full.step[i])}${hint}` });
  }

  const clipped: ClipMark[] = [];
  const clip = { plotWidth: options.plotWidth, spacing: options.clipMarkSpacing };
  if (edges) for (const s of inDrawOrder(layout)) {
    clipMarksOf(s.batch, s.run.color, 'batch', layout.window, domain, clip, clipped);
    clipMarksOf(s.full, s.run.color, 'full', layout.window, domain, clip, clipped);
  }

  let thinnedSteps = 0;
  if (options.thinned !== false) {
    for (const s of layout.series) {
      const val = s.val ? thinnedBucket(s.val, layout.window, options.plotWidth) : 0;
      thinnedSteps = Math.max(thinnedSteps, thinnedBucket(s.full, layout.window, options.plotWidth), thinnedBucket(s.batch, layout.window, options.plotWidth), val);
    }
  }

  return {
    epochDots,
    rules,
    offScale,
    clipped,
    thinnedSteps,
    titles: [xTitle(options.xAxis, layout.window.log), options.yScale === 'log' ? 'loss (MSE, log scale)' : 'loss (MSE)'],
  };
}
