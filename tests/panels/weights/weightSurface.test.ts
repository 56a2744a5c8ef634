import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/index.ts';
import { statsFor } from '../../../src/panels/shared/dataCache.ts';
import { computeSurface } from '../../../src/panels/weights/weightSurface.ts';

describe('weight-space surface', () => {
  const { stats, optimum } = statsFor(DEFAULT_SETTINGS);
  const domain = { w1: [-3, 4] as const, w2: [-3, 3] as const };

  it('draws increasing loss levels above the optimum, each as a non-empty band', () => {
    const surface = computeSurface(stats, 'linear', optimum.loss, domain);
    expect(surface.bands.length).toBeGreaterThan(8);
    for (let i = 1; i < surface.bands.length; i++) expect(surface.bands[i].level).toBeGreaterThan(surface.bands[i - 1].level);
    expect(surface.bands[0].level).toBeGreaterThan(optimum.loss);
    for (const band of surface.bands) expect(band.path).toMatch(/^M/);
  });

  it('covers the requested region with square cells', () => {
    const surface = computeSurface(stats, 'linear', optimum.loss, domain, 100);
    expect(surface.grid.w1Min).toBe(-3);
    expect(surface.grid.w2Max).toBe(3);
    expect(Math.max(surface.grid.cols, surface.grid.rows)).toBe(100);
  });

  it('works for the deep model, whose minima form a valley', () => {
    const deep = statsFor({ ...DEFAULT_SETTINGS, model: 'deep' });
    const surface = computeSurface(deep.stats, 'deep', deep.optimum.loss, domain);
    expect(surface.bands.length).toBeGreaterThan(8);
  });
});
