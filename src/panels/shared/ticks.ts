// Axis tick labels short enough for a 560-pixel chart: compact counts
// (12k, 1.5M), plain decimals for ordinary losses, exponents for tiny or huge ones.

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
// Made once, like `compact`: toLocaleString with options builds a formatter per call, and every axis redraw formats each tick.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A count on the x-axis (steps, examples, epochs). */
export function formatCountTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Math.abs(v) >= 10_000) return compact.format(v);
  // Grouped like every count on the page ("5,000"); fractions of an epoch as they are.
  return grouped.format(Number(v.toPrecision(6)));
}

/** A value on a loss or weight axis. */
export function formatValueTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [mantissa, exponent] = v.toExponential(0).split('e');
    return `${mantissa === '1' ? '' : mantissa === '-1' ? '−' : `${mantissa.replace('-', '−')}·`}10${superscript(Number(exponent))}`;
  }
  return String(Number(v.toPrecision(4))).replace(/^-/, '−');
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n: number): string {
  const digits = String(Math.abs(n))
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)])
    .join('');
  return n < 0 ? `⁻${digits}` : digits;
}

/**
 * Which log-axis ticks get a label. d3 puts a tick at every 1…9 multiple when
 * few decades are shown; labelling all of them overlaps, so only multiples
 * 1, 2 and 5 are labelled, and only powers of ten when even that is too many.
 */
export function logTickLabeller(ticks: readonly number[], maxLabels: number, format: (v: number) => string = formatValueTick): (v: number) => string {
  const mantissa = (v: number): number => Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));
  const keepSets = [null, new Set([1, 2, 5]), new Set([1])];
  let keep: Set<number> | null = new Set([1]);
  for (const set of keepSets) {
    const count = set === null ? ticks.length : ticks.filter((t) => set.has(mantissa(t))).length;
    if (count <= maxLabels) {
      keep = set;
      break;
    }
  }
  return (v) => (v > 0 && (keep === null || keep.has(mantissa(v))) ? format(v) : '');
}
