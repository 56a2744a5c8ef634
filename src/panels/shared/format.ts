// Numbers as the panels print them: short enough for a tooltip, exact enough
// to compare two runs, and honest about overflow.

/** A loss or weight: 4 significant digits, exponent form when tiny or huge, words for non-numbers. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e5 || a < 1e-3 ? v.toExponential(2) : v.toPrecision(4);
  return text.replace(/^-/, '−');
}

/** An integer count with thin grouping, e.g. 12 345. */
export function formatCount(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  return Math.round(v).toLocaleString('en-US').replace(/,/g, '\u2009');
}

/** Epochs with a fraction, e.g. 3.40. */
export function formatEpochs(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  return v.toFixed(2);
}
