// Numbers in the explanations' words, so the text quotes exactly the factor
// or count its claim checks.
import { formatNumber } from '../../core/settingsText.ts';

/** "twice", "3 times", "1.2 times". */
export function times(factor: number): string {
  return factor === 2 ? 'twice' : `${formatNumber(factor)} times`;
}

/** 0.05 → "5%". */
export function percent(fraction: number): string {
  return `${formatNumber(Math.round(fraction * 1e6) / 1e4)}%`;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** 5 → "five"; beyond ten, digits. */
export function countWord(value: number): string {
  return WORDS[value] ?? count(value);
}

/** Thousands separators as the page writes them. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
