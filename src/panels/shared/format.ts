// Numbers as the panels print them: short enough for a tooltip, exact enough
// to compare two runs, and honest about overflow. Values and counts are the
// page's one format (src/core/format.ts), shared with the captions.
export { countOf, formatCount, formatValue } from '../../core/format.ts';
import { formatValue } from '../../core/format.ts';

// One formatter made once: toLocaleString with options builds a new one on every call, which the status line,
// the tooltip and the axes do several times per text update while training.
const epochFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Epochs with a fraction, e.g. 3.40; grouped by thousands like every count ("12,345.50"). */
export function formatEpochs(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  return epochFormat.format(v);
}
