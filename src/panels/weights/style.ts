// How the weight-space chart's marks look, read by the drawing code and by the
// legend alike, so the legend cannot drift from what it explains.
import { INK, PAPER, type DotStyle, type StrokeStyle } from '../shared/markStyle.ts';

export const WEIGHT_STYLE = {
  ink: INK,
  paper: PAPER,
  /** Each run's path; every other epoch is drawn in a lighter shade of the run's colour. */
  path: { primary: { width: 2 } satisfies StrokeStyle, other: { width: 1.5 } satisfies StrokeStyle, lighterShare: '45%' },
  /** A restart's jump to fresh random weights. */
  jump: { width: 1, dash: [4, 4], alpha: 0.8 } satisfies StrokeStyle,
  /** The dot at every epoch end of every run (canvas). */
  epochDot: { radius: 2.4 },
  /** The numbered circle at the primary run's epoch ends. */
  epochEnd: { radius: 7.5, strokeWidth: 1.5, fontSize: 9, fontWeight: 600 },
  start: { side: 9, strokeWidth: 2, fontSize: 10.5 },
  now: { radius: 4.5, strokeWidth: 2 } satisfies DotStyle,
  valley: { width: 1.5, dash: [6, 3] } satisfies StrokeStyle,
  saddle: { half: 5, width: 2, fontSize: 10.5 },
  optimum: { outer: 7, inner: 3, strokeWidth: 1, fontSize: 11, fontWeight: 600 },
  contour: { stroke: '#7f9bb0', strokeOpacity: 0.45, strokeWidth: 0.6 },
  axes: { xTickSpacing: 70, yTickSpacing: 45, xTitleInset: 3, yTitleInset: 10 },
  /**
   * The legend draws the chart's own marks (reading the values above), except
   * where a mark would not fit a line of legend text: those differences are these.
   */
  legend: {
    start: { side: 8, strokeWidth: 1.5 },
    /** A fixed grey standing for "the lighter shade" of whatever colour a run has. */
    lighterPath: '#a5abb3',
    epochEnd: { radius: 7, strokeWidth: 1.2 },
    nowStrokeWidth: 1.5,
    valleyDash: [5, 2],
    jumpDash: [3, 3],
  },
};

export type WeightStyle = typeof WEIGHT_STYLE;

/** A lighter shade of a CSS colour, for every other epoch of a path. */
export function lighter(color: string, style: WeightStyle = WEIGHT_STYLE): string {
  return `color-mix(in srgb, ${color} ${style.path.lighterShare}, white)`;
}

/** The presentation view's marks: paths, dots and epoch numbers heavier and larger, read from the back of a room. */
export const PRESENT_WEIGHT_STYLE: WeightStyle = {
  ...WEIGHT_STYLE,
  path: { ...WEIGHT_STYLE.path, primary: { width: 3.5 }, other: { width: 2.5 } },
  jump: { ...WEIGHT_STYLE.jump, width: 1.75 },
  epochDot: { radius: 3.5 },
  epochEnd: { radius: 10, strokeWidth: 2, fontSize: 12, fontWeight: 600 },
  start: { side: 12, strokeWidth: 2.5, fontSize: 14 },
  now: { radius: 6.5, strokeWidth: 2.5 },
  valley: { ...WEIGHT_STYLE.valley, width: 2.5 },
  saddle: { half: 7, width: 2.5, fontSize: 14 },
  optimum: { outer: 9, inner: 4, strokeWidth: 1.5, fontSize: 14, fontWeight: 600 },
  contour: { ...WEIGHT_STYLE.contour, strokeWidth: 0.9 },
};

/** The style of the screen view or of the presentation view. */
export function weightStyleFor(present: boolean): WeightStyle {
  return present ? PRESENT_WEIGHT_STYLE : WEIGHT_STYLE;
}
