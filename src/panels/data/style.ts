// How the data chart looks, read by its drawing code and by its legend alike.
import { interpolateRdBu } from '../shared/colorRamps.ts';
import { INK, PAPER, type DotStyle, type StrokeStyle } from '../shared/markStyle.ts';

/** Dot size and opacity for clouds of up to `upTo` drawn examples: the more dots, the smaller and fainter, so the cloud stays readable. */
export interface CloudDots {
  readonly upTo: number;
  readonly radius: number;
  readonly alpha: number;
}

export interface DataStyle {
  readonly ink: string;
  readonly paper: string;
  /** The examples of line data, in one neutral colour. */
  readonly dotColor: string;
  readonly cloud: readonly CloudDots[];
  /** Plane data: each example coloured by its residual, from RdBu's blue (below the fit) to red (above). */
  readonly residualColors: readonly string[];
  /** Residual dots are this much larger and more opaque (up to maxAlpha) than plain ones, as colour needs area to be read. */
  readonly residualDot: { readonly extraRadius: number; readonly extraAlpha: number; readonly maxAlpha: number };
  /** The current mini-batch: large dots ringed in ink; the ring is wider on plane data, where the fill is a residual colour. */
  readonly batch: { readonly line: DotStyle; readonly plane: DotStyle };
  readonly fit: StrokeStyle;
  readonly bestFit: StrokeStyle;
  readonly axes: { readonly xTickSpacing: number; readonly yTickSpacing: number; readonly xTitleInset: number; readonly yTitleInset: number };
  /** The legend's batch dot is smaller than the chart's, to fit a line of text, with a ring of 1.2 px on line data. */
  readonly legend: { readonly batchRadius: number; readonly lineBatchRing: number };
}

const RESIDUAL_BINS = 33;

export const DATA_STYLE: DataStyle = {
  ink: INK,
  paper: PAPER,
  dotColor: '#5b6572',
  cloud: [
    { upTo: 300, radius: 2.6, alpha: 0.6 },
    { upTo: 3000, radius: 1.8, alpha: 0.45 },
    { upTo: Infinity, radius: 1.2, alpha: 0.3 },
  ],
  residualColors: Array.from({ length: RESIDUAL_BINS }, (_, i) => interpolateRdBu(1 - i / (RESIDUAL_BINS - 1))),
  residualDot: { extraRadius: 0.6, extraAlpha: 0.3, maxAlpha: 0.9 },
  batch: { line: { radius: 4.5, strokeWidth: 1.25 }, plane: { radius: 4.5, strokeWidth: 1.6 } },
  fit: { width: 2.25 },
  bestFit: { width: 1.25, dash: [5, 4] },
  axes: { xTickSpacing: 60, yTickSpacing: 40, xTitleInset: 2, yTitleInset: 9 },
  legend: { batchRadius: 4, lineBatchRing: 1.2 },
};

export function cloudDots(count: number, style: DataStyle = DATA_STYLE): CloudDots {
  return style.cloud.find((c) => count <= c.upTo) ?? style.cloud[style.cloud.length - 1];
}

/** The presentation view's marks: the fit lines heavier and the mini-batch dots larger, read from the back of a room. */
export const PRESENT_DATA_STYLE: DataStyle = {
  ...DATA_STYLE,
  batch: { line: { radius: 6, strokeWidth: 1.75 }, plane: { radius: 6, strokeWidth: 2.2 } },
  fit: { width: 3.75 },
  bestFit: { width: 2, dash: [7, 5] },
};

/** The style of the screen view or of the presentation view. */
export function dataStyleFor(present: boolean): DataStyle {
  return present ? PRESENT_DATA_STYLE : DATA_STYLE;
}
