// The loss contours under the view. They are traced over a grid larger than
// the view, so panning rarely needs new ones; the grid is recomputed only when
// the data change or the view leaves (or zooms far into) the covered region.
import { useMemo, useState } from 'react';
import type { ModelKind, Optimum, SufficientStats } from '../../core/index.ts';
import { domainCovers, growDomain, type WeightDomain } from './weightDomain.ts';
import { computeSurface, type WeightSurface } from './weightSurface.ts';

/** The contour grid covers this multiple of the view, so panning rarely needs a new surface. */
const GRID_GROWTH = 2.2;
/** Zooming in further than this fraction of the grid recomputes it, so rings stay smooth. */
const GRID_MIN_FRACTION = 1 / 5;

export function useContourSurface(
  view: WeightDomain,
  dataStats: { readonly stats: SufficientStats; readonly optimum: Optimum } | null,
  model: ModelKind,
): WeightSurface | null {
  const [gridDomain, setGridDomain] = useState<WeightDomain>(() => growDomain(view, GRID_GROWTH));
  const viewIsFinite = [...view.w1, ...view.w2].every(Number.isFinite);
  const needsGrid =
    viewIsFinite &&
    (!domainCovers(gridDomain, view) || view.w1[1] - view.w1[0] < GRID_MIN_FRACTION * (gridDomain.w1[1] - gridDomain.w1[0]));
  if (needsGrid) setGridDomain(growDomain(view, GRID_GROWTH));
  return useMemo(
    () => (dataStats ? computeSurface(dataStats.stats, model, dataStats.optimum.loss, gridDomain) : null),
    [dataStats, model, gridDomain],
  );
}
