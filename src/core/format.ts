// Numbers as the engine's messages print them, and the one number format of
// the page: the status line, the captions, the charts' legends and tooltips,
// the derived facts and the notices all print a value through formatValue
// and a count through formatCount, so the same value never reads two ways.

const MINUS = '\u2212';

/**
 * A number in a message (the engine's divergence message, the CLI's
 * summary): the page's formatValue, so a message beside a caption reads a
 * value the same way; words where there is no number.
 */
export function approxNumber(value: number): string {
  return Number.isNaN(value) ? 'not a number' : formatValue(value);
}

/**
 * A loss or weight: 3 significant digits without trailing zeros ("0.0935",
 * "1.5", "12,300"), exponent form below 0.001 or from 100,000 up ("2.5e−7", "3e16"),
 * the typographic minus (screen readers say "minus"), ∞ for overflow and "—"
 * where there is no number.
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  let text: string;
  if (a >= 1e5 || a < 1e-3) {
    const [mantissa, exponent] = v.toExponential(2).split('e');
    text = `${Number(mantissa)}e${Number(exponent)}`;
  } else {
    // From 1,000 up the rounded value is a whole number, grouped like every count.
    const rounded = Number(v.toPrecision(3));
    text = Math.abs(rounded) >= 1000 ? rounded.toLocaleString('en-US') : String(rounded);
  }
  return text.replace(/-/g, MINUS);
}

/** A whole count grouped by thousands with commas, the page's one style: "2,000", "12,345". */
// One formatter for every count: toLocaleString builds a new one per call, which showed in the page's profile.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  return COUNT_FORMAT.format(Math.round(v)).replace('-', MINUS);
}

/** "1 example", "32 examples", "1,000 steps"; `plural` defaults to the noun with an s. */
export function countOf(value: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(value)} ${Math.round(value) === 1 ? noun : plural}`;
}
