// The data panel's pieces for the export composer: the same examples, fit
// lines and mini-batch as the screen, drawn by drawScatter, drawFit and
// drawBatch, with a legend naming the run whose data, fit and batch these
// are, in its colour, and then the marks, drawn from style.ts like
// DataLegend. Loaded only when the chart is exported.
import { tickCount } from '../shared/axes.ts';
import type { ChartPieces, LegendEntry } from '../shared/exportTypes.ts';
import { plotSize } from '../shared/plotFrame.ts';
import { formatValueTick } from '../shared/ticks.ts';
import { DATA_MARGIN, dataFrame } from './dataFrame.ts';
import { drawBatch, type BatchMarks } from './drawBatch.ts';
import { drawFit, type FitShapes } from './drawFit.ts';
import { drawScatter } from './drawScatter.ts';
import type { ScatterShapes } from './scatterLayout.ts';
import { DATA_STYLE, type DataStyle } from './style.ts';

export interface DataExportInput {
  readonly title: string;
  /** The run shown (only the primary run's data are drawn), or null. */
  readonly run: { readonly name: string; readonly color: string } | null;
  /** Its current fit as a formula ('' without a run). */
  readonly formula: string;
  readonly plane: boolean;
  readonly titles: readonly [string, string];
  /** The data's padded extents: the axes' domains. */
  readonly extents: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly scatter: ScatterShapes | null;
  readonly overlay: { readonly fit: FitShapes; readonly batch: BatchMarks } | null;
  readonly screen: { readonly width: number; readonly height: number };
}

/** The run's entry (its fit line, or on plane data its name alone), then what the marks mean, as DataLegend has them. */
export function dataLegend(input: Pick<DataExportInput, 'run' | 'formula' | 'plane'>, style: DataStyle = DATA_STYLE): LegendEntry[] {
  const { run, formula, plane } = input;
  const { ink, paper, legend, residualColors } = style;
  const color = run?.color ?? ink;
  const entries: LegendEntry[] = [];
  // Plane data draw nothing in the run's colour: the run is named in it, without a mark.
  if (run && plane) entries.push({ label: `data, fit and mini-batch of ${run.name}`, runColor: run.color, width: 0, height: 0, marks: [] });
  if (run && !plane) {
    entries.push({
      label: `${run.name}: current fit ${formula}`,
      runColor: run.color,
      width: 18,
      height: 8,
      marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: run.color, stroke: style.fit }],
    });
  }
  const batchDot = { radius: legend.batchRadius, strokeWidth: plane ? style.batch.plane.strokeWidth : legend.lineBatchRing };
  entries.push({ label: `current mini-batch${plane ? ' (large, outlined)' : ''}`, width: 10, height: 10, marks: [{ kind: 'dot', cx: 5, cy: 5, dot: batchDot, fill: plane ? paper : color, stroke: ink }] });
  if (plane) {
    const bins = [0, (residualColors.length - 1) / 2, residualColors.length - 1];
    entries.push({
      label: 'residual y − ŷ: below / on / above the fit',
      width: 30,
      height: 8,
      marks: bins.map((bin, i) => ({ kind: 'rect', x: 10 * i, y: 0, width: 10, height: 8, fill: residualColors[bin] })),
    });
  } else {
    entries.push({ label: 'best fit', width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: ink, stroke: style.bestFit }] });
  }
  return entries;
}

export function dataExport(input: DataExportInput, style: DataStyle = DATA_STYLE): ChartPieces {
  const { scatter, overlay, extents, screen } = input;
  const [plotWidth, plotHeight] = plotSize(DATA_MARGIN, screen.width, screen.height);
  return {
    title: input.title,
    screen,
    plot: { width: plotWidth, height: plotHeight },
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
    legend: dataLegend(input, style),
  };
}
