// The vocabulary of a chart's style.ts: line and dot looks as numbers, read
// both by the drawing code (canvas or SVG) and by the legend swatches.

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
