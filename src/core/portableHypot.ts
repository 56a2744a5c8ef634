// Math.hypot is not the same function everywhere: V8, SpiderMonkey and
// JavaScriptCore each round it their own way, and the exported maxStableLr
// (an eigenvalue's radius) differed in the last bit between Node, Firefox and
// WebKit. This one is √(a² + b²) with IEEE-exact operations only (×, +, √ and
// scaling by powers of two), so every engine computes the same double.

const BIG = 2 ** 500;
const SMALL = 2 ** -500;
const DOWN = 2 ** -600;
const UP = 2 ** 600;

/** √(a² + b²), within about an ulp of Math.hypot, bit-identical on every engine; no overflow or underflow in between. */
export function portableHypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const larger = Math.max(x, y);
  // Squares beyond 2^1000 would overflow and below 2^-1000 lose bits: scale both by an exact power of two first.
  if (larger > BIG) return Math.sqrt((x * DOWN) * (x * DOWN) + (y * DOWN) * (y * DOWN)) * UP;
  if (larger < SMALL) return Math.sqrt((x * UP) * (x * UP) + (y * UP) * (y * UP)) * DOWN;
  return Math.sqrt(x * x + y * y);
}
