// The filled contours of the full-data loss over a region of weight space,
// computed once per (data, model, region) from the engine's exact surface.
import { contours } from 'd3-contour';
import { lossSurface, type SurfaceGrid } from '../../core/lossSurface.ts';
import type { ModelKind } from '../../core/settings.ts';
import type { SufficientStats } from '../../core/types.ts';
import { contourThresholds } from './contourLevels.ts';
import { gridOver, multiPolygonPath } from './contourPath.ts';
import type { WeightDomain } from './weightDomain.ts';

export interface ContourBand {
  /** The loss level: the band covers weights whose loss is at least this. */
  readonly level: number;
  /** SVG path data in contour coordinates of `grid`. */
  readonly path: string;
}

export interface WeightSurface {
  readonly grid: SurfaceGrid;
  readonly bands: ContourBand[];
  /** The region the surface covers. */
  readonly domain: WeightDomain;
}

export const CONTOUR_LEVELS = 14;

/** Contours over `domain`; `floor` is the lowest loss there is (the optimum's), so rings reach the bottom of the bowl. */
export function computeSurface(stats: SufficientStats, model: ModelKind, floor: number, domain: WeightDomain, resolution = 160): WeightSurface {
  const grid = gridOver(domain, resolution);
  const values = lossSurface(stats, model, grid);
  const levels = contourThresholds(values, floor, CONTOUR_LEVELS, 4);
  // d3-contour reads a plain array or typed array alike; huge values are fine, NaN counts as below every level.
  const generator = contours().size([grid.cols, grid.rows]).thresholds(levels);
  const bands = generator(values as unknown as number[]).map((c) => ({ level: c.value, path: multiPolygonPath(c.coordinates) }));
  return { grid, bands, domain };
}
