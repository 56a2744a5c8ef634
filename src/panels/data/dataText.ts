// The data panel's words: the fit as a formula, and the summary a screen
// reader gets in place of the drawing.
import { countOf, formatCount, formatValue } from '../shared/format.ts';
import type { Fit } from './scatterLayout.ts';

/** e.g. "ŷ = 0.52·x − 1.3" (the deep model's fit goes through the origin). */
export function fitFormula(fit: Fit): string {
  if (fit.model === 'deep') return `ŷ = ${formatValue(fit.w1 * fit.w2)}·x`;
  return `ŷ = ${formatValue(fit.w1)}·x ${fit.w2 < 0 ? '−' : '+'} ${formatValue(Math.abs(fit.w2))}`;
}

export interface DataSummary {
  /** Examples in the data set, and how many of them are drawn. */
  readonly n: number;
  readonly drawn: number;
  readonly plane: boolean;
  readonly fit: Fit | null;
  readonly caption: string;
}

export function dataLabel(summary: DataSummary | null): string {
  if (!summary) return 'Training data: no visible run.';
  const { n, drawn, plane, fit, caption } = summary;
  return (
    `Training data: ${countOf(n, 'example')}${drawn < n ? ` (${formatCount(drawn)} drawn)` : ''}` +
    (plane ? ', x1 against x2 coloured by residual' : `, y against x; current fit ${fit ? fitFormula(fit) : ''}`) +
    `. ${caption}`
  );
}
