// The weight space's pieces for the export composer: the view and contours
// the screen shows, each run's path, restart jumps and epoch dots from
// drawPaths, the named marks from drawMarks, and a legend naming every run in
// its colour and then WeightLegend's entries.
// Loaded only when the chart is exported.
import type { RunView } from '../../store/runTypes.ts';
import { exportPlotSize } from '../shared/exportLayout.ts';
import type { ChartPieces } from '../shared/exportTypes.ts';
import { noteEntry } from '../shared/markStyle.ts';
import { formatValueTick } from '../shared/ticks.ts';
import { tickCount } from '../shared/axes.ts';
import { drawContours } from './drawContours.ts';
import { drawMarks } from './drawMarks.ts';
import { drawPaths } from './drawPaths.ts';
import { weightLegendEntries, weightRunEntries } from './legendEntries.ts';
import { markShapes } from './markLayout.ts';
import { WEIGHT_STYLE, type WeightStyle } from './style.ts';
import type { WeightDomain } from './weightDomain.ts';
import { weightFrame, weightPlotSize } from './weightFrame.ts';
import { runPaths, TrajectoryCache } from './weightScene.ts';
import type { WeightSurface } from './weightSurface.ts';
import { axisTitles, CONTOUR_NOTE, WEIGHT_TITLE } from './weightText.ts';

export interface WeightExportInput {
  /** The runs as they were at the click. */
  readonly runs: readonly RunView[];
  readonly primary: RunView | undefined;
  readonly optimum: readonly [number, number] | null;
  /** The deep model's best-fit product w1·w2, or null. */
  readonly product: number | null;
  /** The region shown (the user's pan and zoom) and the contours under it. */
  readonly view: WeightDomain;
  readonly surface: WeightSurface | null;
  readonly screen: { readonly width: number; readonly height: number };
}

export function weightExport(input: WeightExportInput, style: WeightStyle = WEIGHT_STYLE): ChartPieces {
  const { runs, primary, optimum, product, view, surface, screen } = input;
  // Paths of its own: the panel's are rebuilt into the same buffers on the next frame, which may come while the file is written.
  const paths = runPaths(runs, new TrajectoryCache());
  const plot = exportPlotSize(...weightPlotSize(screen.width, screen.height), true);
  const marks = markShapes({ paths, primary, optimum, product, view });
  const hasRestart = paths.some((p) => p.trajectory.jumps.length > 0);
  return {
    title: WEIGHT_TITLE,
    screen,
    plot,
    frame: (margin, width, height) => weightFrame(view, width, height, margin),
    axes: (frame) => {
      const [x0, x1] = frame.x.range();
      const [y0, y1] = frame.y.range();
      return {
        titles: axisTitles(primary),
        xTickCount: tickCount(x1 - x0, style.axes.xTickSpacing),
        yTickCount: tickCount(y0 - y1, style.axes.yTickSpacing),
        xFormat: formatValueTick,
        yFormat: formatValueTick,
      };
    },
    layers: (frame) => [
      { kind: 'svg', draw: (svg) => drawContours(svg, frame, surface, style) },
      { kind: 'paint', paint: (ctx) => drawPaths(ctx, frame, { paths, primaryId: primary?.id }, style) },
      { kind: 'svg', draw: (svg) => drawMarks(svg, frame, marks, style) },
    ],
    legend: [...weightRunEntries(paths, style), ...weightLegendEntries(product, hasRestart, style), noteEntry(CONTOUR_NOTE)],
  };
}
