// The loss chart's pieces for the export composer: the same layout, marks,
// frame and draw*.ts functions as the screen, with a legend naming every run
// in its colour and then LossLegend's entries. Loaded only when the chart is
// exported.
import type { RunView } from '../../store/runTypes.ts';
import { exportPlotSize } from '../shared/exportLayout.ts';
import type { ChartPieces } from '../shared/exportTypes.ts';
import { noteEntry } from '../shared/markStyle.ts';
import { plotSize } from '../shared/plotFrame.ts';
import { drawBackground } from './drawBackground.ts';
import { drawCurves } from './drawCurves.ts';
import { drawEpochDots } from './drawEpochDots.ts';
import { drawForeground, lossAxes } from './drawForeground.ts';
import { LOSS_MARGIN, lossFrame } from './lossFrame.ts';
import { lossLegendEntries, lossRunEntries, showsValidation, thinnedNote } from './legendEntries.ts';
import { buildLossLayout, LossLayoutCache, type LossOptions } from './lossLayout.ts';
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

export function lossExport({ runs, options, screen }: LossExportInput, style: LossStyle = LOSS_STYLE): ChartPieces {
  // A cache of its own: the panel's reuses its arrays on the next frame, which may come while the file is written.
  const layout = buildLossLayout(runs, options, new LossLayoutCache());
  const plot = exportPlotSize(...plotSize(LOSS_MARGIN, screen.width, screen.height));
  const marks = lossMarks(layout, {
    xAxis: options.xAxis,
    yScale: options.yScale,
    plotWidth: plot.width,
    epochDotSpacing: style.epochDotSpacing,
    epochRuleSpacing: style.epochRuleSpacing,
    clipMarkSpacing: style.clipMarkSpacing,
  });
  const smoothed = options.smoothing > 0;
  const foreground = { marks, yScale: options.yScale, logXFirstStep: layout.window.log ? layout.window.firstStep : undefined };
  return {
    title: LOSS_TITLES[options.xAxis],
    screen,
    plot,
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
    legend: [
      ...lossRunEntries(layout, style),
      ...lossLegendEntries(layout.smoothWindow > 0 ? smoothingLabel(layout.smoothWindow, options.xAxis) : null, marks.clipped.length > 0, style, showsValidation(layout)),
      ...(marks.thinnedSteps > 0 ? [noteEntry(thinnedNote(marks.thinnedSteps))] : []),
    ],
  };
}
