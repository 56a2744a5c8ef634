// What a chart hands the export composer (exportCompose.ts): its title, its
// plot box, its frame for a margin the composer chooses, its axes, its layers
// (the chart's own draw*.ts functions, bound to their shapes and style) and
// its legend entries (marks drawn from the chart's style.ts). The composer
// owns the layout and the targets (SVG text or a PNG canvas), so no chart
// knows about either. Types only: the panels import this file without
// pulling any export code into the page's first chunk.
import type { LegendEntry } from './markStyle.ts';
import type { Margin, PlotFrame } from './plotFrame.ts';

export type { LegendEntry, SwatchMark } from './markStyle.ts';

/**
 * One layer of the plot, bottom first.
 * `paint`: a canvas draw*.ts call, painted into a real 2D context (PNG) or an
 * SVG-recording one (svgContext.ts), clipped to the plot box grown by `pad`.
 * `svg`: an SVG draw*.ts call, run on a detached <svg> the size of the frame
 * (needs a document; where there is none, as in Node, it is left out).
 */
export type ExportLayer =
  | { readonly kind: 'paint'; readonly paint: (ctx: CanvasRenderingContext2D) => void; readonly pad?: number }
  | { readonly kind: 'svg'; readonly draw: (svg: SVGSVGElement) => void };

/** The axes as the composer draws them: titles, tick counts and tick labels ('' leaves a tick unlabelled). */
export interface ExportAxes {
  readonly titles: readonly [string, string];
  readonly xTickCount: number;
  readonly yTickCount: number;
  readonly xFormat: (value: number) => string;
  readonly yFormat: (value: number) => string;
}

export interface ChartPieces {
  /** The chart's title, as its panel shows it; it also names the files. */
  readonly title: string;
  /** The on-screen plot area (canvas) in CSS pixels: the PNG is at least twice as wide. */
  readonly screen: { readonly width: number; readonly height: number };
  /**
   * The plot box (inside the axes) in CSS pixels: the on-screen one, grown in
   * proportion on a narrow screen (exportPlotSize), so the export shows what
   * the screen shows (the weight space keeps its equal aspect).
   */
  readonly plot: { readonly width: number; readonly height: number };
  /** The chart's frame of a `width` × `height` panel whose plot box sits inside `margin`. */
  frame(margin: Margin, width: number, height: number): PlotFrame;
  axes(frame: PlotFrame): ExportAxes;
  layers(frame: PlotFrame): readonly ExportLayer[];
  /** Run entries first (every run drawn, in its colour), then what the marks mean. */
  readonly legend: readonly LegendEntry[];
}

/** What a panel offers its PNG/SVG buttons: its pieces as they are at the click (the export code is loaded then). */
export type ChartExporter = () => Promise<ChartPieces>;
