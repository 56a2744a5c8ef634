// The loss chart's marks beyond the curves, in data units: epoch-end dots,
// epoch rules, markers where a run leaves the top of the axis, and the axis
// titles. Pure: the drawing code only maps these to pixels.
import { formatCount } from '../shared/format.ts';
import { clampToDomain, type YScaleMode } from './lossDomain.ts';
import type { LossLayout, RunLossSeries } from './lossLayout.ts';
import { epochBoundaries, niceStride, X_AXIS_LABELS, type XAxisMode } from '../shared/xAxis.ts';

export interface MarkOptions {
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  /** Width of the plot box in pixels: how many epoch dots and rules fit. */
  readonly plotWidth: number;
  /** Plot pixels per epoch dot and per epoch rule (see LossStyle). */
  readonly epochDotSpacing: number;
  readonly epochRuleSpacing: number;
}

export interface EpochDot {
  readonly color: string;
  readonly x: number;
  /** Full loss at the epoch's end and mean batch loss, pinned onto the axis; NaN: not drawn. */
  readonly loss: number;
  readonly mean: number;
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
  readonly titles: [string, string];
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

export function lossMarks(layout: LossLayout, options: MarkOptions): LossMarks {
  const domain = layout.yDomain;
  const epochDots: EpochDot[] = [];
  for (const s of inDrawOrder(layout)) {
    const e = s.epochs;
    const stride = niceStride(e.length, Math.max(1, options.plotWidth / options.epochDotSpacing));
    for (let i = stride - 1; i < e.length; i += stride) {
      epochDots.push({ color: s.run.color, x: e.x[i], loss: clampToDomain(e.loss[i], domain), mean: clampToDomain(e.mean[i], domain) });
    }
  }

  const primary = layout.primary;
  const rules = primary ? epochBoundaries(primary.epochs.length, options.xAxis, primary.plan, Math.max(1, options.plotWidth / options.epochRuleSpacing)) : [];

  // A run whose loss leaves the top of the axis gets a marker there, so a clipped curve is never mistaken for a flat one.
  const hint = options.yScale === 'linear' ? ' (switch y to log to see it)' : '';
  const offScale: OffScaleMark[] = [];
  for (const s of layout.series) {
    const i = firstOffScale(s, domain[1]);
    if (i >= 0) offScale.push({ color: s.run.color, x: s.full.x[i], title: `${s.run.name}: the loss leaves the top of the axis at step ${formatCount(s.full.step[i])}${hint}` });
  }

  return {
    epochDots,
    rules: rules.filter((r) => r.x <= layout.xDomain[1]),
    offScale,
    titles: [X_AXIS_LABELS[options.xAxis], options.yScale === 'log' ? 'loss (MSE, log scale)' : 'loss (MSE)'],
  };
}
