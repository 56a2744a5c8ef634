// Numbers as the panels print them: short enough for a tooltip, exact enough
// to compare two runs, and honest about overflow. Values and counts are the
// page's one format (src/core/format.ts), shared with the captions.
export { countOf, formatCount, formatValue } from '../../core/format.ts';
import { formatValue } from '../../core/format.ts';

/** Epochs with a fraction, e.g. 3.40; grouped by thousands like every count ("12,345.50"). */
export function formatEpochs(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
