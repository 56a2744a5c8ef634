// Numbers as the captions say them: the page's one format (src/core/format.ts),
// so a loss in a caption reads exactly as it does in the status line. Only
// where a value is missing do the captions say so in words, since a dash
// cannot be read aloud within a sentence.
import { countOf, formatCount, formatValue } from '../../core/format.ts';

/** A loss or weight as the status line prints it; "not a number" where it has none. */
export function num(value: number): string {
  return Number.isNaN(value) ? 'not a number' : formatValue(value);
}

/** Weights as "(w1, w2)". */
export function pair(w: readonly [number, number]): string {
  return `(${num(w[0])}, ${num(w[1])})`;
}

/** A count of steps, epochs or examples, grouped by thousands ("12,345"). */
export function count(value: number): string {
  return Number.isFinite(value) ? formatCount(value) : num(value);
}

/** "1 step", "10 steps"; `plural` defaults to the noun with an s. */
export function counted(value: number, noun: string, plural = `${noun}s`): string {
  return Number.isFinite(value) ? countOf(value, noun, plural) : `${num(value)} ${plural}`;
}

/** A ratio or percentage, where 2 significant digits are plenty ("0.73", "15"). */
export function twoDigits(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(2))).replace(/-/g, '\u2212') : num(value);
}

/** Example indices as "#17, #3, #88", with ", …" when the list goes on. */
export function indexList(indices: readonly number[], more: boolean): string {
  const listed = indices.map((i) => `#${i}`).join(', ');
  return more ? `${listed}, …` : listed;
}
