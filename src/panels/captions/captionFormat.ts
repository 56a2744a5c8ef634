// Numbers as the captions say them. Captions are read aloud by screen
// readers, so they use the ASCII minus, plain exponents ("1.2e7") and words
// for values that are not numbers, and they round every loss and weight to
// the same three significant digits so two sentences can be compared.

/** A loss or weight to 3 significant digits; exponent form below 0.001 or from a million up. */
export function num(value: number): string {
  if (Number.isNaN(value)) return 'not a number';
  if (value === Infinity) return 'infinity';
  if (value === -Infinity) return '-infinity';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(3)));
}

/** Weights as "(w1, w2)". */
export function pair(w: readonly [number, number]): string {
  return `(${num(w[0])}, ${num(w[1])})`;
}

/** A count of steps, epochs or examples, grouped by thousands ("12,345"). */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : num(value);
}

/** "1 step", "10 steps"; `plural` defaults to the noun with an s. */
export function counted(value: number, noun: string, plural = `${noun}s`): string {
  return `${count(value)} ${value === 1 ? noun : plural}`;
}

/** A ratio or percentage, where 2 significant digits are plenty ("0.73", "15"). */
export function twoDigits(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(2))) : num(value);
}

/** Example indices as "#17, #3, #88", with ", …" when the list goes on. */
export function indexList(indices: readonly number[], more: boolean): string {
  const listed = indices.map((i) => `#${i}`).join(', ');
  return more ? `${listed}, …` : listed;
}
