// Fitting the loss axis to curves that may overflow. A diverging run reaches
// 1e16 and then Infinity within a few steps; neither may flatten the other
// runs into the floor nor turn the axis into NaN.
import type { YScaleMode } from '../../url/view.ts';

export type { YScaleMode };

/** Largest magnitude the axis ever spans: beyond it a curve is drawn clipped at the top. */
export const MAX_AXIS_VALUE = 1e300;
/** A log axis spans at most this ratio, so a single near-zero loss cannot swallow the picture. */
export const MAX_LOG_RATIO = 1e12;
/**
 * A log axis reaches at most this multiple of the largest starting loss (a
 * guard against overflowed values; a diverged run stops near 1e16, which fits).
 */
export const LOG_HEADROOM = 1e20;
/**
 * A linear axis stops at this multiple of the largest starting loss: a run
 * that blows up leaves the top edge (and is marked there) instead of crushing
 * every converging curve into a flat line at zero.
 */
export const LINEAR_HEADROOM = 4;

/** Running summary of the values a chart will show. */
export interface ValueRange {
  /** Smallest finite value > 0 (Infinity when none). */
  minPositive: number;
  /** Largest finite value (−Infinity when none). */
  maxFinite: number;
  /** Smallest finite value (Infinity when none). */
  minFinite: number;
}

export function emptyRange(): ValueRange {
  return { minPositive: Infinity, maxFinite: -Infinity, minFinite: Infinity };
}

export function includeValues(range: ValueRange, values: ArrayLike<number>, length: number): ValueRange {
  for (let i = 0; i < length; i++) includeValue(range, values[i]);
  return range;
}

export function includeValue(range: ValueRange, v: number): ValueRange {
  if (!Number.isFinite(v)) return range;
  const capped = Math.min(Math.max(v, -MAX_AXIS_VALUE), MAX_AXIS_VALUE);
  if (capped > range.maxFinite) range.maxFinite = capped;
  if (capped < range.minFinite) range.minFinite = capped;
  if (capped > 0 && capped < range.minPositive) range.minPositive = capped;
  return range;
}

/**
 * The y-domain [lo, hi] for the values seen. `startLoss` (the largest loss a
 * run began at, NaN if unknown) caps a linear axis at LINEAR_HEADROOM times it
 * and a log axis at LOG_HEADROOM times it.
 * Always returns a finite, non-empty domain; a log domain is always positive.
 */
export function fitLossDomain(range: ValueRange, mode: YScaleMode, startLoss = NaN): [number, number] {
  if (mode === 'log') {
    if (!(range.minPositive < Infinity)) return [0.01, 1];
    let hi = Math.max(range.maxFinite, range.minPositive);
    if (Number.isFinite(startLoss) && startLoss > 0) hi = Math.max(Math.min(hi, startLoss * LOG_HEADROOM), range.minPositive);
    // The start stays on the axis: a run that blows up shows where it began, not only its last decades.
    let lo = Math.max(range.minPositive, hi / MAX_LOG_RATIO);
    if (Number.isFinite(startLoss) && startLoss > 0) lo = Math.min(lo, Math.max(range.minPositive, startLoss));
    if (hi <= lo) return [lo / 2, lo * 2];
    // Pad by a sliver of a decade so points on the edge are not cut in half.
    const pad = Math.pow(hi / lo, 0.03);
    return [lo / pad, Math.min(hi * pad, MAX_AXIS_VALUE)];
  }
  if (!(range.maxFinite > -Infinity)) return [0, 1];
  const lo = Math.min(0, range.minFinite);
  let hi = range.maxFinite;
  if (Number.isFinite(startLoss) && startLoss > 0) hi = Math.min(hi, startLoss * LINEAR_HEADROOM);
  if (!(hi > lo)) hi = lo + (Math.abs(lo) || 1);
  return [lo, hi + (hi - lo) * 0.03];
}

/**
 * The value to hand to the scale: inside the domain, NaN only for NaN input.
 * Infinity and values above the domain sit on the top edge; zeros and
 * negatives on a log axis sit on the bottom edge.
 */
export function clampToDomain(v: number, domain: readonly [number, number]): number {
  if (Number.isNaN(v)) return NaN;
  if (v > domain[1]) return domain[1];
  if (v < domain[0]) return domain[0];
  return v;
}

/** True when the value cannot be shown where it belongs (off the axis or not a number). */
export function isOffScale(v: number, domain: readonly [number, number]): boolean {
  return !(v >= domain[0] && v <= domain[1]);
}
