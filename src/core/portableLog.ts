// Math.log is not the same function everywhere: Node 20 and Chromium round
// differently in the last bit for ~7% of inputs, which made the data (and so
// every weight) of a run differ between the CLI and the page. This log uses
// only IEEE-exact operations (+, −, ×, ÷ and reading the exponent bits), so
// every engine computes the same double.

const LN2_HI = 6.93147180369123816490e-1; // the high bits of ln 2, exact in a double
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const SQRT2 = 1.4142135623730951;
const TWO_POW_54 = 2 ** 54;
const bits = new DataView(new ArrayBuffer(8));

/** Natural logarithm of a positive finite number, within a few ulps of Math.log, bit-identical on every engine. */
export function portableLog(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
  let shift = 0;
  if (x < 2 ** -1022) {
    x *= TWO_POW_54; // subnormal: scale into the normal range first
    shift = -54;
  }
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  let exponent = ((high >>> 20) & 0x7ff) - 1023 + shift;
  // The mantissa m ∈ [1, 2): same bits with the exponent field set to 0 (biased 1023).
  bits.setUint32(0, (high & 0x800fffff) | 0x3ff00000);
  let m = bits.getFloat64(0);
  if (m > SQRT2) {
    m /= 2;
    exponent += 1;
  }
  // log m = 2·atanh(s) with s = (m−1)/(m+1), |s| ≤ 0.172: twelve terms reach double precision.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let series = 1 / 25;
  for (let k = 11; k >= 0; k--) series = 1 / (2 * k + 1) + s2 * series;
  return exponent * LN2_HI + (exponent * LN2_LO + 2 * s * series);
}
