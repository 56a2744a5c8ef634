// How the loss chart looks, as numbers read by its drawing code and by its
// legend alike, so the legend's marks are always the chart's marks.
import type { DotStyle, StrokeStyle } from '../shared/markStyle.ts';

export interface CurveStyle {
  /** The curve when smoothing is off. */
  readonly raw: StrokeStyle;
  /** The smoothed curve, drawn over a faint copy of the raw one. */
  readonly smoothed: StrokeStyle;
}

export interface LossStyle {
  /** Full-data loss: what the model really achieves. Never smoothed, and never outweighed by a smoothed curve. */
  readonly full: Pick<CurveStyle, 'raw'>;
  /** A paper casing under each full-loss curve, so it stays readable over its own run's batch noise, drawn in the same colour. */
  readonly fullCasing: StrokeStyle;
  /** Mini-batch loss: faint, because its noise is shown, not read. */
  readonly batch: CurveStyle;
  /**
   * Validation loss per step (Keras's val_loss, at every step): dashed and
   * thinner than the full loss, in the run's colour, drawn under the full
   * curves, so where the two meet the full loss shows and where they part
   * the dashes do. Never smoothed, like the full loss.
   */
  readonly val: StrokeStyle;
  /** The raw curve behind a smoothed one keeps this share of its opacity and width (never thinner than minWidth). */
  readonly underSmoothed: { readonly alpha: number; readonly width: number; readonly minWidth: number };
  /** Full loss at an epoch's end: a dot in the run's colour with a paper ring. */
  readonly epochLoss: DotStyle;
  /** Mean batch loss of an epoch (what a training loop prints): a paper dot ringed in the run's colour. */
  readonly epochMean: DotStyle;
  /** Validation loss at an epoch's end (Keras's val_loss): a paper diamond ringed in the run's colour; radius is its half-diagonal. */
  readonly epochVal: DotStyle;
  /** Plot pixels per epoch dot and per epoch rule: more epochs than fit are thinned to every n-th. */
  readonly epochDotSpacing: number;
  readonly epochRuleSpacing: number;
  /** Plot pixels per mark where a curve is beyond the y-axis, and the marks: a triangle for the full loss, a tick for the batch loss. */
  readonly clipMarkSpacing: number;
  readonly clipMark: { readonly size: number; readonly batchAlpha: number; readonly tickLength: number };
  /** Pixels the canvas may draw beyond the plot's top and bottom, so dots on the axis limits are not cut in half. */
  readonly edgePad: number;
  /** Opacity of the mini-batch swatch: at 16 px wide the chart's 0.32 would vanish. */
  readonly batchSwatchAlpha: number;
  /** The legend's epoch-end rule, darker than the chart's (CSS .epoch-rule) so a 12 px stub still shows. */
  readonly epochRuleSwatch: { readonly color: string; readonly stroke: StrokeStyle };
  readonly axes: { readonly xTickSpacing: number; readonly yTickSpacing: number; readonly xTitleInset: number; readonly yTitleInset: number };
  readonly crosshair: { readonly color: string; readonly width: number };
  readonly hoverDot: DotStyle;
}

export const LOSS_STYLE: LossStyle = {
  full: { raw: { width: 2, alpha: 1 } },
  fullCasing: { width: 4.5, alpha: 0.85 },
  // The smoothed batch curve stays thinner and lighter than the full loss: it is a summary of noise, not the loss.
  batch: { raw: { width: 0.8, alpha: 0.32 }, smoothed: { width: 1.2, alpha: 0.7 } },
  val: { width: 1.5, alpha: 1, dash: [5, 3] },
  underSmoothed: { alpha: 0.35, width: 0.6, minWidth: 0.75 },
  epochLoss: { radius: 3.2, strokeWidth: 0.75 },
  epochMean: { radius: 3.2, strokeWidth: 1.25 },
  epochVal: { radius: 4, strokeWidth: 1.25 },
  epochDotSpacing: 7,
  epochRuleSpacing: 6,
  clipMarkSpacing: 8,
  clipMark: { size: 4, batchAlpha: 0.5, tickLength: 4 },
  edgePad: 4,
  batchSwatchAlpha: 0.45,
  epochRuleSwatch: { color: '#b4bcc6', stroke: { width: 1, dash: [2, 3] } },
  axes: { xTickSpacing: 80, yTickSpacing: 45, xTitleInset: 4, yTitleInset: 11 },
  crosshair: { color: '#5b6572', width: 1 },
  hoverDot: { radius: 4, strokeWidth: 1.5 },
};

/** The presentation view's marks: the same chart with lines and dots about 1.7 times as heavy, read from the back of a room. */
export const PRESENT_LOSS_STYLE: LossStyle = {
  ...LOSS_STYLE,
  full: { raw: { width: 3.5, alpha: 1 } },
  fullCasing: { width: 7, alpha: 0.85 },
  batch: { raw: { width: 1.4, alpha: 0.32 }, smoothed: { width: 2, alpha: 0.7 } },
  val: { width: 2.5, alpha: 1, dash: [8, 5] },
  underSmoothed: { alpha: 0.35, width: 0.6, minWidth: 1.2 },
  epochLoss: { radius: 5, strokeWidth: 1.2 },
  epochMean: { radius: 5, strokeWidth: 2 },
  epochVal: { radius: 6, strokeWidth: 2 },
  epochDotSpacing: 11,
  edgePad: 6,
  crosshair: { color: '#5b6572', width: 1.5 },
  hoverDot: { radius: 6, strokeWidth: 2 },
};

/** The style of the screen view or of the presentation view. */
export function lossStyleFor(present: boolean): LossStyle {
  return present ? PRESENT_LOSS_STYLE : LOSS_STYLE;
}
