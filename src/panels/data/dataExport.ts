// The data panel's pieces for the export composer: the same examples, fit
// lines and mini-batch as the screen, drawn by drawScatter, drawFit and
// drawBatch, with DataLegend's entries naming the run whose data, fit and
// batch these are, in its colour. Loaded only when the chart is exported.
import { tickCount } from '../shared/axes.ts';
import { exportPlotSize } from '../shared/exportLayout.ts';
import type { ChartPieces } from '../shared/exportTypes.ts';
import { noteEntry } from '../shared/markStyle.ts';
import { plotSize } from '../shared/plotFrame.ts';
import { formatValueTick } from '../shared/ticks.ts';
import { DATA_MARGIN, dataFrame } from './dataFrame.ts';
import { drawBatch, type BatchMarks } from './drawBatch.ts';
import { drawFit, type FitShapes } from './drawFit.ts';
import { drawScatter } from './drawScatter.ts';
import { dataLegendEntries } from './legendEntries.ts';
import type { ScatterShapes } from './scatterLayout.ts';
import { DATA_STYLE, type DataStyle } from './style.ts';

export interface DataExportInput {
  readonly title: string;
  /** The run shown (only the primary run's data are drawn), or null. */
  readonly run: { readonly name: string; readonly color: string } | null;
  /** Its current fit as a formula ('' without a run). */
  readonly formula: string;
  /** The panel's caption (which batch is highlighted), said under the legend. */
  readonly caption: string;
  readonly plane: boolean;
  readonly titles: readonly [string, string];
  /** The data's padded extents: the axes' domains. */
  readonly extents: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly scatter: ScatterShapes | null;
  readonly overlay: { readonly fit: FitShapes; readonly batch: BatchMarks } | null;
  readonly screen: { readonly width: number; readonly height: number };
}

export function dataExport(input: DataExportInput, style: DataStyle = DATA_STYLE): ChartPieces {
  const { scatter, overlay, extents, screen } = input;
  const plot = exportPlotSize(...plotSize(DATA_MARGIN, screen.width, screen.height));
  return {
    title: input.title,
    screen,
    plot,
    frame: (margin, width, height) => dataFrame(extents.x, extents.y, width, height, margin),
    axes: (frame) => {
      const [x0, x1] = frame.x.range();
      const [y0, y1] = frame.y.range();
      return {
        titles: input.titles,
        xTickCount: tickCount(x1 - x0, style.axes.xTickSpacing),
        yTickCount: tickCount(y0 - y1, style.axes.yTickSpacing),
        xFormat: formatValueTick,
        yFormat: formatValueTick,
      };
    },
    layers: (frame) => [
      { kind: 'paint', paint: (ctx) => scatter && drawScatter(ctx, frame, scatter, style) },
      {
        kind: 'paint',
        paint: (ctx) => {
          if (!overlay) return;
          drawFit(ctx, frame, overlay.fit, style);
          drawBatch(ctx, frame, overlay.batch, style);
        },
      },
    ],
    legend: [...dataLegendEntries({ plane: input.plane, color: input.run?.color ?? style.ink, formula: input.formula, run: input.run?.name }, style), noteEntry(input.caption)],
  };
}
