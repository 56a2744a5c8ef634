// The loss chart's legend entries, drawn from the chart's own style numbers:
// what its marks mean (LossLegend on the page, and the exports), and each
// run's entry (the exports only: the page has its runs list).
import type { LegendEntry } from '../shared/markStyle.ts';
import { INK, PAPER } from '../shared/markStyle.ts';
import type { LossLayout } from './lossLayout.ts';
import { LOSS_STYLE, type LossStyle } from './style.ts';

/** A run's entry: its full-loss stroke in its colour, and its name. */
export function lossRunEntries(layout: Pick<LossLayout, 'series'>, style: LossStyle = LOSS_STYLE): LegendEntry[] {
  return layout.series.map(({ run }) => ({
    label: run.name,
    runColor: run.color,
    width: 22,
    height: 10,
    marks: [{ kind: 'line', x1: 1, x2: 21, y1: 5, y2: 5, color: run.color, stroke: { width: style.full.raw.width } }],
  }));
}

/** The label of the marks on the axis edge, for a curve beyond it. */
export const CLIPPED_LABEL = 'beyond the axis (marked on its edge)';

/** The labels of the validation-loss marks, the dashed curve and the epoch-end diamond; named only when a run shown has a validation set. */
export const VAL_CURVE_LABEL = 'val_loss per step (held-out examples)';
export const VAL_LOSS_LABEL = 'val_loss at epoch end (what Keras prints)';

/** What the marks mean, on the page (LossLegend) and in the exports; `validation`: some run shown has a validation set. */
export function lossLegendEntries(smoothing: string | null, clipped: boolean, style: LossStyle = LOSS_STYLE, validation = false): LegendEntry[] {
  const rule = style.epochRuleSwatch;
  const { size } = style.clipMark;
  const entries: LegendEntry[] = [
    { label: 'full-data loss', width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: INK, stroke: style.full.raw }] },
    {
      label: `mini-batch loss${smoothing ? `, ${smoothing} (faint: raw)` : ''}`,
      width: 18,
      height: 8,
      marks: [{ kind: 'polyline', points: [[1, 6], [4, 2], [7, 5], [10, 1], [13, 6], [17, 3]], color: INK, stroke: { width: style.batch.raw.width, alpha: style.batchSwatchAlpha } }],
    },
    { label: 'full loss at epoch end', width: 10, height: 10, marks: [{ kind: 'dot', cx: 5, cy: 5, dot: style.epochLoss, fill: INK }] },
    { label: 'epoch mean of batch losses (what a training loop prints)', width: 10, height: 10, marks: [{ kind: 'dot', cx: 5, cy: 5, dot: style.epochMean, fill: PAPER, stroke: INK }] },
    ...(validation ? [valCurveEntry(style), valLossEntry(style)] : []),
    { label: 'epoch end', width: 10, height: 12, marks: [{ kind: 'line', x1: 5, x2: 5, y1: 0, y2: 12, color: rule.color, stroke: rule.stroke }] },
  ];
  if (clipped) entries.push({ label: CLIPPED_LABEL, width: 10, height: 8, marks: [{ kind: 'path', d: `M${5 - size},0 L${5 + size},0 L5,${size} Z`, fill: INK }] });
  return entries;
}

/** Some run drawn has a validation set, so the chart has val_loss marks to name. */
export function showsValidation(layout: Pick<LossLayout, 'series'>): boolean {
  return layout.series.some((s) => s.epochs.val !== null || s.val !== null);
}

function valCurveEntry(style: LossStyle): LegendEntry {
  // Wide enough for a dash, a gap and a dash, so the swatch shows the pattern the chart draws.
  return { label: VAL_CURVE_LABEL, width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: INK, stroke: style.val }] };
}

function valLossEntry(style: LossStyle): LegendEntry {
  const { radius: r, strokeWidth } = style.epochVal;
  const c = r + strokeWidth;
  return { label: VAL_LOSS_LABEL, width: 2 * c, height: 2 * c, marks: [{ kind: 'path', d: `M${c},${c - r} L${c + r},${c} L${c},${c + r} L${c - r},${c} Z`, fill: PAPER, stroke: INK, strokeWidth }] };
}

/** Said on the chart (and under an export's legend) when the rows shown are level-of-detail buckets. */
export function thinnedNote(steps: number): string {
  return `thinned: 1 row per ≤ ${steps} steps`;
}
