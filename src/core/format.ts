// Numbers as the engine's messages print them.

/** Three significant digits, switching to exponent form for very large or small magnitudes. */
export function approxNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return value.toExponential(1).replace('.0e', 'e');
  return String(Number(value.toPrecision(3)));
}
