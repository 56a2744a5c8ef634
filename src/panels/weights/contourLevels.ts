// Loss levels for the weight-space contours. The loss is quadratic around the
// optimum, so equally spaced levels crowd at the rim and leave the floor of the
// bowl blank; levels spaced geometrically in the excess loss above the minimum
// give rings all the way down to where the learner's path ends.

/**
 * `count` increasing loss levels between `floor` (the minimum loss) and the
 * largest finite value of `values`, spaced geometrically in (level − floor)
 * over `decades` decades. Returns [] when the values hold nothing above the floor.
 */
export function contourThresholds(values: ArrayLike<number>, floor: number, count = 14, decades = 4): number[] {
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (!(max > -Infinity)) return [];
  const base = Number.isFinite(floor) ? Math.min(floor, min) : min;
  const top = max - base;
  if (!(top > 0) || count < 1) return [];
  const bottom = top * Math.pow(10, -Math.max(decades, 0.1));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 1 : i / (count - 1);
    // Levels just below the grid's maximum so the outermost ring is still drawn.
    const excess = bottom * Math.pow(top / bottom, t) * (i === count - 1 ? 0.98 : 1);
    const level = base + excess;
    if (out.length === 0 || level > out[out.length - 1]) out.push(level);
  }
  return out;
}
