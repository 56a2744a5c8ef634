// Room to grow: while a run is training, the loss chart's axes end a little
// beyond the data, on a coarse ladder of values, so they stay put for many
// frames. A chart whose axes move every frame has to redraw every curve every
// frame; with axes that move in steps it appends the new rows to what it drew
// and redraws whole only when an axis steps. Once no run is training, the axes
// fit the data exactly again.

/** Steps of the ladder per doubling (x, linear y) or per decade (log y): at most 1/8 of an octave, or of a decade, is empty. */
export const GROWTH_STEPS = 8;

/** The smallest value m · 2^e ≥ v with m a multiple of 1/GROWTH_STEPS in [1, 2]; v itself unless positive and finite. */
export function grownEnd(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const base = 2 ** Math.floor(Math.log2(v));
  const end = (Math.ceil((v / base) * GROWTH_STEPS) / GROWTH_STEPS) * base;
  return end >= v ? end : v;
}

/** A y-domain widened onto the ladder: on a log axis to whole eighths of a decade, on a linear one by grownEnd. */
export function grownDomain([lo, hi]: readonly [number, number], log: boolean): [number, number] {
  if (log) {
    if (!(lo > 0 && hi > lo && Number.isFinite(hi))) return [lo, hi];
    const down = 10 ** (Math.floor(Math.log10(lo) * GROWTH_STEPS) / GROWTH_STEPS);
    const up = 10 ** (Math.ceil(Math.log10(hi) * GROWTH_STEPS) / GROWTH_STEPS);
    return [Math.min(lo, down), Math.max(hi, up)];
  }
  return [lo < 0 ? -grownEnd(-lo) : lo, hi > 0 ? grownEnd(hi) : hi];
}
