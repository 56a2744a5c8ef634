// Which rectangle of weight space the panel shows. Both axes get the same
// units per pixel: only then is a circle a circle and the gradient visibly
// perpendicular to the contour lines, which is what a learner should see.

export interface WeightDomain {
  readonly w1: readonly [number, number];
  readonly w2: readonly [number, number];
}

/** Weights beyond this are treated as "blown up" and left out of fitting. */
export const MAX_FIT_ABS = 1e8;

export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function emptyBounds(): Bounds {
  return { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
}

/** Adds a point; non-finite and blown-up points are ignored. */
export function includePoint(bounds: Bounds, x: number, y: number): Bounds {
  if (!(Math.abs(x) <= MAX_FIT_ABS && Math.abs(y) <= MAX_FIT_ABS)) return bounds;
  if (x < bounds.minX) bounds.minX = x;
  if (x > bounds.maxX) bounds.maxX = x;
  if (y < bounds.minY) bounds.minY = y;
  if (y > bounds.maxY) bounds.maxY = y;
  return bounds;
}

/**
 * The domain that shows every included point with `margin` (fraction of the
 * span on each side) inside a width×height pixel box, with equal scale on
 * both axes and the box centred on the points. A single point or an empty
 * set gets a span of at least `minSpan`.
 */
export function fitEqualAspect(bounds: Bounds, width: number, height: number, margin = 0.12, minSpan = 1): WeightDomain {
  const empty = !(bounds.minX <= bounds.maxX && bounds.minY <= bounds.maxY);
  const cx = empty ? 0 : (bounds.minX + bounds.maxX) / 2;
  const cy = empty ? 0 : (bounds.minY + bounds.maxY) / 2;
  const spanX = Math.max(empty ? 0 : bounds.maxX - bounds.minX, minSpan) * (1 + 2 * margin);
  const spanY = Math.max(empty ? 0 : bounds.maxY - bounds.minY, minSpan) * (1 + 2 * margin);
  const w = width > 0 ? width : 1;
  const h = height > 0 ? height : 1;
  const unitsPerPixel = Math.max(spanX / w, spanY / h);
  const halfX = (unitsPerPixel * w) / 2;
  const halfY = (unitsPerPixel * h) / 2;
  return { w1: [cx - halfX, cx + halfX], w2: [cy - halfY, cy + halfY] };
}

export function sameDomain(a: WeightDomain, b: WeightDomain): boolean {
  return a.w1[0] === b.w1[0] && a.w1[1] === b.w1[1] && a.w2[0] === b.w2[0] && a.w2[1] === b.w2[1];
}

/** True when `inner` lies inside `outer`. */
export function domainCovers(outer: WeightDomain, inner: WeightDomain): boolean {
  return outer.w1[0] <= inner.w1[0] && outer.w1[1] >= inner.w1[1] && outer.w2[0] <= inner.w2[0] && outer.w2[1] >= inner.w2[1];
}

/** While runs train, the view they are fitted in shrinks only below this share of its span, and grows with this much room (see heldView). */
export const HOLD_SHRINK = 0.8;
export const HOLD_ROOM = 1.05;

/**
 * The view to follow the runs in, given the one shown and the one fitted to
 * them now. Once no run trains, the fitted one. While they train, the one
 * shown for as long as it still holds the fitted one and is not much larger,
 * and when it no longer does, the fitted one with a little room to grow (as
 * the loss chart's axes): the paths' bounds change with almost every text
 * update, by new steps and by the worker's rethinning of the rows, and each
 * change of view redraws every path and the contours, where an unchanged
 * view only appends to them.
 */
export function heldView(shown: WeightDomain, fitted: WeightDomain, training: boolean): WeightDomain {
  if (!training) return fitted;
  const span = (d: WeightDomain) => d.w1[1] - d.w1[0];
  return domainCovers(shown, fitted) && span(fitted) >= HOLD_SHRINK * span(shown) ? shown : growDomain(fitted, HOLD_ROOM);
}

/** The domain grown by `factor` around its centre (factor 2 doubles each span). */
export function growDomain(d: WeightDomain, factor: number): WeightDomain {
  const grow = (r: readonly [number, number]): [number, number] => {
    const c = (r[0] + r[1]) / 2;
    const half = ((r[1] - r[0]) / 2) * factor;
    return [c - half, c + half];
  };
  return { w1: grow(d.w1), w2: grow(d.w2) };
}

/**
 * A picked weight rounded to the precision one pixel can tell apart, so a
 * click gives "0.52", not "0.5213748…", while staying within a pixel of the click.
 */
export function roundToPixel(value: number, unitsPerPixel: number): number {
  if (!Number.isFinite(value)) return value;
  if (!(unitsPerPixel > 0) || !Number.isFinite(unitsPerPixel)) return value;
  const digits = Math.max(0, Math.min(12, Math.ceil(-Math.log10(unitsPerPixel))));
  const factor = Math.pow(10, digits);
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
