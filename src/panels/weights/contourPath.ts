// Contour polygons from d3-contour live in grid coordinates (grid value i sits
// at i + 0.5). They are turned into an SVG path once per surface, and a single
// affine transform places them in the zoomed view, so zooming and panning
// never recompute contours.
import type { SurfaceGrid } from '../../core/index.ts';

/** GeoJSON MultiPolygon coordinates as d3-contour returns them. */
export type MultiPolygonCoordinates = readonly (readonly (readonly (readonly number[])[])[])[];

/** SVG path data for a MultiPolygon, coordinates rounded to 1/100 grid cell. */
export function multiPolygonPath(coordinates: MultiPolygonCoordinates): string {
  const parts: string[] = [];
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      if (ring.length === 0) continue;
      parts.push(`M${ring.map((p) => `${round(p[0])},${round(p[1])}`).join('L')}Z`);
    }
  }
  return parts.join('');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The matrix(a, 0, 0, d, e, f) that maps contour coordinates of `grid` to
 * pixels, given the pixel position of two weights on each axis (the scales
 * are linear, so two points fix them).
 */
export function gridToPixels(grid: SurfaceGrid, x: (w1: number) => number, y: (w2: number) => number): [number, number, number, number] {
  const dw1 = grid.cols > 1 ? (grid.w1Max - grid.w1Min) / (grid.cols - 1) : 1;
  const dw2 = grid.rows > 1 ? (grid.w2Max - grid.w2Min) / (grid.rows - 1) : 1;
  // Contour coordinate c is weight w1Min + (c − 0.5)·dw1.
  const x0 = x(grid.w1Min - 0.5 * dw1);
  const x1 = x(grid.w1Min + 0.5 * dw1);
  const y0 = y(grid.w2Min - 0.5 * dw2);
  const y1 = y(grid.w2Min + 0.5 * dw2);
  return [x1 - x0, y1 - y0, x0, y0];
}

/**
 * A grid over `domain` with about `maxPoints` points on the longer side and
 * square cells, so contour resolution is the same along both weights.
 */
export function gridOver(domain: { readonly w1: readonly [number, number]; readonly w2: readonly [number, number] }, maxPoints = 160): SurfaceGrid {
  const spanX = domain.w1[1] - domain.w1[0];
  const spanY = domain.w2[1] - domain.w2[0];
  const longer = Math.max(spanX, spanY);
  // A degenerate or non-finite region still gets a valid (tiny) grid rather than an exception mid-render.
  if (!(spanX > 0 && spanY > 0 && Number.isFinite(longer))) {
    const w1 = Number.isFinite(domain.w1[0]) ? domain.w1[0] : 0;
    const w2 = Number.isFinite(domain.w2[0]) ? domain.w2[0] : 0;
    return { w1Min: w1, w1Max: w1 + 1, w2Min: w2, w2Max: w2 + 1, cols: 2, rows: 2 };
  }
  const cols = Math.max(2, Math.round((maxPoints * spanX) / longer));
  const rows = Math.max(2, Math.round((maxPoints * spanY) / longer));
  return { w1Min: domain.w1[0], w1Max: domain.w1[1], w2Min: domain.w2[0], w2Max: domain.w2[1], cols, rows };
}
