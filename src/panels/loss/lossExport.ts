// The loss chart's pieces for the export composer: the same layout, marks,
// frame and draw*.ts functions as the screen, with a legend naming every run
// in its colour and then the chart's marks, drawn from style.ts like
// LossLegend. Loaded only when the chart is exported.
import type { RunView } from '../../store/runTypes.ts';
import type { ChartPieces, LegendEntry } from '../shared/exportTypes.ts';
import { INK, PAPER } from '../shared/markStyle.ts';
import { plotSize } from '../shared/plotFrame.ts';
import { drawBackground } from './drawBackground.ts';
import { drawCurves } from './drawCurves.ts';
import { drawEpochDots } from './drawEpochDots.ts';
import { drawForeground, lossAxes } from './drawForeground.ts';
import { LOSS_MARGIN, lossFrame } from './lossFrame.ts';
import { buildLossLayout, LossLayoutCache, type LossLayout, type LossOptions } from './lossLayout.ts';
import { LOSS_TITLES, lossMarks } from './lossMarks.ts';
import { smoothingLabel } from './smoothing.ts';
import { LOSS_STYLE, type LossStyle } from './style.ts';

export interface LossExportInput {
  /** The runs as they were at the click (a playing run moves on meanwhile). */
  readonly runs: readonly RunView[];
  readonly options: LossOptions;
  /** The on-screen plot area in CSS pixels. */
  readonly screen: { readonly width: number; readonly height: number };
}

/** A run's entry: its full-loss stroke in its colour, and its name. */
export function runEntries(layout: Pick<LossLayout, 'series'>, style: LossStyle = LOSS_STYLE): LegendEntry[] {
  return layout.series.map(({ run }) => ({
    label: run.name,
    runColor: run.color,
    width: 22,
    height: 10,
    marks: [{ kind: 'line', x1: 1, x2: 21, y1: 5, y2: 5, color: run.color, stroke: { width: style.full.raw.width } }],
  }));
}

/** What the marks mean: LossLegend's entries, from the same style numbers. */
export function markEntries(smoothing: string | null, clipped: boolean, style: LossStyle = LOSS_STYLE): LegendEntry[] {
  const rule = style.epochRuleSwatch;
  const { size } = style.clipMark;
  const entries: LegendEntry[] = [
    { label: 'full-data loss', width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: INK, stroke: style.full.raw }] },
    {
      label: `mini-batch loss${smoothing ? `, ${smoothing} (faint: raw)` : ''}`,
      width: 18,
      height: 8,
      marks: [{ kind: 'polyline', points: [[1, 6], [4, 2], [7, 5], [10, 1], [13, 6], [17, 3]], color: INK, stroke: { width: style.batch.raw.width, alpha: style.batchSwatchAlpha } }],
    },
    { label: 'full loss at epoch end', width: 10, height: 10, marks: [{ kind: 'dot', cx: 5, cy: 5, dot: style.epochLoss, fill: INK }] },
    { label: 'epoch mean of batch losses (what a training loop prints)', width: 10, height: 10, marks: [{ kind: 'dot', cx: 5, cy: 5, dot: style.epochMean, fill: PAPER, stroke: INK }] },
    { label: 'epoch end', width: 10, height: 12, marks: [{ kind: 'line', x1: 5, x2: 5, y1: 0, y2: 12, color: rule.color, stroke: rule.stroke }] },
  ];
  if (clipped) entries.push({ label: 'beyond the axis (marked on its edge)', width: 10, height: 8, marks: [{ kind: 'path', d: `M${5 - size},0 L${5 + size},0 L5,${size} Z`, fill: INK }] });
  return entries;
}

export function lossExport({ runs, options, screen }: LossExportInput, style: LossStyle = LOSS_STYLE): ChartPieces {
  // A cache of its own: the panel's reuses its arrays on the next frame, which may come while the file is written.
  const layout = buildLossLayout(runs, options, new LossLayoutCache());
  const [plotWidth, plotHeight] = plotSize(LOSS_MARGIN, screen.width, screen.height);
  const marks = lossMarks(layout, {
    xAxis: options.xAxis,
    yScale: options.yScale,
    plotWidth,
    epochDotSpacing: style.epochDotSpacing,
    epochRuleSpacing: style.epochRuleSpacing,
    clipMarkSpacing: style.clipMarkSpacing,
  });
  const smoothed = options.smoothing > 0;
  const foreground = { marks, yScale: options.yScale, logXFirstStep: layout.window.log ? layout.window.firstStep : undefined };
  return {
    title: LOSS_TITLES[options.xAxis],
    screen,
    plot: { width: plotWidth, height: plotHeight },
    frame: (margin, width, height) => lossFrame(layout, width, height, options.yScale, margin),
    axes: (frame) => lossAxes(frame, foreground, style),
    layers: (frame) => [
      { kind: 'svg', draw: (svg) => drawBackground(svg, frame, marks.rules, style) },
      {
        kind: 'paint',
        pad: style.edgePad,
        paint: (ctx) => {
          drawCurves(ctx, frame, { layout, smoothed }, style);
          drawEpochDots(ctx, frame, marks.epochDots, style);
        },
      },
      {
        kind: 'svg',
        draw: (svg) => {
          drawForeground(svg, frame, foreground, style);
          // The composer draws the axes itself, at the export's type size.
          for (const node of svg.querySelectorAll('.axis, .axis-title')) node.remove();
        },
      },
    ],
    legend: [...runEntries(layout, style), ...markEntries(layout.smoothWindow > 0 ? smoothingLabel(layout.smoothWindow, options.xAxis) : null, marks.clipped.length > 0, style)],
  };
}
