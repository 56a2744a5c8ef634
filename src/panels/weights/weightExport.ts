// The weight space's pieces for the export composer: the view and contours
// the screen shows, each run's path, restart jumps and epoch dots from
// drawPaths, the named marks from drawMarks, and a legend naming every run in
// its colour and then the marks, drawn from style.ts like WeightLegend.
// Loaded only when the chart is exported.
import type { RunView } from '../../store/runTypes.ts';
import type { ChartPieces, LegendEntry } from '../shared/exportTypes.ts';
import { formatValue } from '../shared/format.ts';
import { formatValueTick } from '../shared/ticks.ts';
import { tickCount } from '../shared/axes.ts';
import { drawContours } from './drawContours.ts';
import { drawMarks } from './drawMarks.ts';
import { drawPaths } from './drawPaths.ts';
import { markShapes } from './markLayout.ts';
import { WEIGHT_STYLE, type WeightStyle } from './style.ts';
import type { WeightDomain } from './weightDomain.ts';
import { weightFrame, weightPlotSize } from './weightFrame.ts';
import { runPaths, TrajectoryCache, type RunPath } from './weightScene.ts';
import type { WeightSurface } from './weightSurface.ts';
import { axisTitles, WEIGHT_TITLE } from './weightText.ts';

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

export function runEntries(paths: readonly RunPath[], style: WeightStyle = WEIGHT_STYLE): LegendEntry[] {
  return paths.map(({ run }) => ({
    label: run.name,
    runColor: run.color,
    width: 22,
    height: 10,
    marks: [{ kind: 'line', x1: 1, x2: 21, y1: 5, y2: 5, color: run.color, stroke: style.path.primary }],
  }));
}

/** What the marks mean: WeightLegend's entries, from the same style numbers. */
export function markEntries(product: number | null, hasRestart: boolean, style: WeightStyle = WEIGHT_STYLE): LegendEntry[] {
  const { ink, paper, legend } = style;
  const { start } = legend;
  const epochEnd = { ...style.epochEnd, ...legend.epochEnd };
  const entries: LegendEntry[] = [
    { label: 'start', width: 10, height: 10, marks: [{ kind: 'rect', x: 1, y: 1, width: start.side, height: start.side, fill: paper, stroke: ink, strokeWidth: start.strokeWidth }] },
    {
      label: 'path, shade alternates per epoch',
      width: 22,
      height: 8,
      marks: [
        { kind: 'line', x1: 1, x2: 11, y1: 4, y2: 4, color: ink, stroke: style.path.primary },
        { kind: 'line', x1: 11, x2: 21, y1: 4, y2: 4, color: legend.lighterPath, stroke: style.path.primary },
      ],
    },
    {
      label: 'end of epoch 3',
      width: 16,
      height: 16,
      marks: [
        { kind: 'dot', cx: 8, cy: 8, dot: epochEnd, fill: paper, stroke: ink },
        { kind: 'text', x: 8, y: 11, text: '3', fontSize: epochEnd.fontSize, fontWeight: epochEnd.fontWeight, fill: ink },
      ],
    },
    { label: 'now', width: 12, height: 12, marks: [{ kind: 'dot', cx: 6, cy: 6, dot: { radius: style.now.radius, strokeWidth: legend.nowStrokeWidth }, fill: ink, stroke: paper }] },
  ];
  if (product !== null) {
    entries.push({ label: `valley of best fits w1·w2 = ${formatValue(product)}`, width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: ink, stroke: { width: style.valley.width, dash: legend.valleyDash } }] });
  }
  if (hasRestart) {
    entries.push({ label: 'restart jump', width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: ink, stroke: { width: style.jump.width, dash: legend.jumpDash } }] });
  }
  return entries;
}

export function weightExport(input: WeightExportInput, style: WeightStyle = WEIGHT_STYLE): ChartPieces {
  const { runs, primary, optimum, product, view, surface, screen } = input;
  // Paths of its own: the panel's are rebuilt into the same buffers on the next frame, which may come while the file is written.
  const paths = runPaths(runs, new TrajectoryCache());
  const [plotWidth, plotHeight] = weightPlotSize(screen.width, screen.height);
  const marks = markShapes({ paths, primary, optimum, product, view });
  const hasRestart = paths.some((p) => p.trajectory.jumps.length > 0);
  return {
    title: WEIGHT_TITLE,
    screen,
    plot: { width: plotWidth, height: plotHeight },
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
    legend: [...runEntries(paths, style), ...markEntries(product, hasRestart, style)],
  };
}
