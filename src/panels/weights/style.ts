// How the weight-space chart's marks look, read by the drawing code and by the
// legend alike, so the legend cannot drift from what it explains.
import { INK, PAPER, type DotStyle, type StrokeStyle } from '../shared/markStyle.ts';

const PRIMARY_PATH = { width: 2 } satisfies StrokeStyle;
const NOW = { radius: 4.5, strokeWidth: 2 } satisfies DotStyle;
const VALLEY = { width: 1.5, dash: [6, 3] } satisfies StrokeStyle;
const JUMP = { width: 1, dash: [4, 4], alpha: 0.8 } satisfies StrokeStyle;
const EPOCH_END = { radius: 7.5, strokeWidth: 1.5, fontSize: 9, fontWeight: 600 };

export const WEIGHT_STYLE = {
  ink: INK,
  paper: PAPER,
  /** Each run's path; every other epoch is drawn in a lighter shade of the run's colour. */
  path: { primary: PRIMARY_PATH, other: { width: 1.5 } satisfies StrokeStyle, lighterShare: '45%' },
  /** A restart's jump to fresh random weights. */
  jump: JUMP,
  /** The dot at every epoch end of every run (canvas). */
  epochDot: { radius: 2.4 },
  /** The numbered circle at the primary run's epoch ends. */
  epochEnd: EPOCH_END,
  start: { side: 9, strokeWidth: 2, fontSize: 10.5 },
  now: NOW,
  valley: VALLEY,
  saddle: { half: 5, width: 2, fontSize: 10.5 },
  optimum: { outer: 7, inner: 3, strokeWidth: 1, fontSize: 11, fontWeight: 600 },
  contour: { stroke: '#7f9bb0', strokeOpacity: 0.45, strokeWidth: 0.6 },
  axes: { xTickSpacing: 70, yTickSpacing: 45, xTitleInset: 3, yTitleInset: 10 },
  /**
   * The legend draws the chart's marks, smaller or with a shorter dash where a
   * mark would not fit a line of legend text; each difference is stated here.
   */
  legend: {
    start: { side: 8, strokeWidth: 1.5 },
    path: PRIMARY_PATH,
    /** A fixed grey standing for "the lighter shade" of whatever colour a run has. */
    lighterPath: '#a5abb3',
    epochEnd: { radius: 7, strokeWidth: 1.2, fontSize: EPOCH_END.fontSize, fontWeight: EPOCH_END.fontWeight },
    now: { radius: NOW.radius, strokeWidth: 1.5 } satisfies DotStyle,
    valley: { width: VALLEY.width, dash: [5, 2] } satisfies StrokeStyle,
    jump: { width: JUMP.width, dash: [3, 3] } satisfies StrokeStyle,
  },
} as const;

export type WeightStyle = typeof WEIGHT_STYLE;

/** A lighter shade of a CSS colour, for every other epoch of a path. */
export function lighter(color: string, style: WeightStyle = WEIGHT_STYLE): string {
  return `color-mix(in srgb, ${color} ${style.path.lighterShare}, white)`;
}
