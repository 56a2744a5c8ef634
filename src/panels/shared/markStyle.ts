// The vocabulary of a chart's style.ts: line and dot looks as numbers, read
// both by the drawing code (canvas or SVG) and by the legend swatches, and
// legend entries as data, which the page's legend (LegendSwatch.tsx) and the
// exported images' legend (exportSvg.ts) both draw.

/** The neutral colour legends draw marks in (a mark's real colour is its run's). */
export const INK = '#1d232b';
/** The page background, used for rings and hollow marks. */
export const PAPER = '#fff';

export interface StrokeStyle {
  /** Line width in CSS pixels. */
  readonly width: number;
  /** Opacity in [0, 1]; 1 when absent. */
  readonly alpha?: number;
  /** Dash pattern in CSS pixels; solid when absent. */
  readonly dash?: readonly number[];
}

export interface DotStyle {
  readonly radius: number;
  /** Width of the outline in CSS pixels. */
  readonly strokeWidth: number;
}

/** A mark in a legend swatch, in the swatch's own pixels. */
export type SwatchMark =
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly color: string; readonly stroke: StrokeStyle }
  | { readonly kind: 'polyline'; readonly points: readonly (readonly [number, number])[]; readonly color: string; readonly stroke: StrokeStyle }
  | { readonly kind: 'dot'; readonly cx: number; readonly cy: number; readonly dot: DotStyle; readonly fill: string; readonly stroke?: string }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly fill: string; readonly stroke?: string; readonly strokeWidth?: number }
  | { readonly kind: 'path'; readonly d: string; readonly fill: string; readonly stroke?: string; readonly strokeWidth?: number }
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly fontSize: number; readonly fontWeight?: number; readonly fill: string };

export interface LegendEntry {
  readonly label: string;
  /** The run's colour when the entry names a run (only the exports list runs; the page has its runs list). */
  readonly runColor?: string;
  readonly width: number;
  readonly height: number;
  readonly marks: readonly SwatchMark[];
  /** A label as long as this one may grow to as a run trains: on the page, the entry keeps room for it. */
  readonly reserve?: string;
}

/** A legend line of text alone (an export's note on how to read the chart). */
export function noteEntry(label: string): LegendEntry {
  return { label, width: 0, height: 0, marks: [] };
}
