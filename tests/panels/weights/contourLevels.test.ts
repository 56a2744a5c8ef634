import { describe, expect, it } from 'vitest';
import { contourThresholds } from '../../../src/panels/weights/contourLevels.ts';

describe('contour thresholds', () => {
  // A round bowl 0.09 + r² sampled on a grid, as the exact loss surface is.
  const grid: number[] = [];
  for (let i = -20; i <= 20; i++) for (let j = -20; j <= 20; j++) grid.push(0.09 + (i / 10) ** 2 + (j / 10) ** 2);

  it('returns increasing levels strictly between the minimum and the maximum', () => {
    const levels = contourThresholds(grid, 0.09, 12);
    expect(levels).toHaveLength(12);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    expect(levels[0]).toBeGreaterThan(0.09);
    expect(levels[levels.length - 1]).toBeLessThan(Math.max(...grid));
  });

  it('spaces levels geometrically in the excess loss, so rings reach the floor of the bowl', () => {
    const levels = contourThresholds(grid, 0.09, 9, 4);
    const excess = levels.map((l) => l - 0.09);
    const ratios = excess.slice(1, -1).map((e, i) => e / excess[i]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 6);
    // Half the levels lie in the bottom 1% of the loss range: a linear spacing would put one there at most.
    const bottom = excess.filter((e) => e < 0.01 * (Math.max(...grid) - 0.09)).length;
    expect(bottom).toBeGreaterThanOrEqual(4);
  });

  it('uses the grid minimum when the floor given is above it or unknown', () => {
    expect(contourThresholds(grid, NaN, 5)[0]).toBeGreaterThan(0.09);
    expect(contourThresholds(grid, 5, 5)[0]).toBeGreaterThan(0.09);
    expect(contourThresholds(grid, 5, 5)[0]).toBeLessThan(0.2);
  });

  it('returns no levels for a flat or non-finite surface', () => {
    expect(contourThresholds([1, 1, 1], 1)).toEqual([]);
    expect(contourThresholds([NaN, Infinity], 0)).toEqual([]);
  });

  it('skips overflowed cells instead of letting them set the top level', () => {
    const levels = contourThresholds([...grid, Infinity], 0.09, 6);
    expect(levels[levels.length - 1]).toBeLessThan(Math.max(...grid));
  });
});
