import { describe, expect, it } from 'vitest';
import { contours } from 'd3-contour';
import { gridW1, gridW2 } from '../../../src/core/index.ts';
import { gridOver, gridToPixels, multiPolygonPath } from '../../../src/panels/weights/contourPath.ts';

describe('contour geometry', () => {
  it('writes rings as closed SVG subpaths', () => {
    const path = multiPolygonPath([[[[0, 0], [2, 0], [2, 2], [0, 0]]], [[[5, 5], [6, 5], [5, 5]]]]);
    expect(path).toBe('M0,0L2,0L2,2L0,0ZM5,5L6,5L5,5Z');
  });

  it('maps a grid value’s contour position onto the pixel of its weights', () => {
    const grid = { w1Min: -2, w1Max: 2, w2Min: -1, w2Max: 3, cols: 5, rows: 9 };
    const x = (w1: number) => 100 + 50 * w1;
    const y = (w2: number) => 200 - 40 * w2;
    const [a, d, e, f] = gridToPixels(grid, x, y);
    // Grid value (col, row) sits at contour coordinate (col + 0.5, row + 0.5).
    for (const [col, row] of [[0, 0], [4, 8], [2, 3]]) {
      expect(a * (col + 0.5) + e).toBeCloseTo(x(gridW1(grid, col)), 9);
      expect(d * (row + 0.5) + f).toBeCloseTo(y(gridW2(grid, row)), 9);
    }
  });

  it('places a d3 contour of a round bowl where the loss equals the level', () => {
    const grid = { w1Min: -2, w1Max: 2, w2Min: -2, w2Max: 2, cols: 81, rows: 81 };
    const values = new Float64Array(grid.cols * grid.rows);
    for (let r = 0; r < grid.rows; r++) for (let c = 0; c < grid.cols; c++) values[c + r * grid.cols] = gridW1(grid, c) ** 2 + gridW2(grid, r) ** 2;
    const [ring] = contours().size([grid.cols, grid.rows]).thresholds([1])(Array.from(values));
    const [a, d, e, f] = gridToPixels(grid, (w) => w, (w) => w);
    // Every vertex of the level-1 contour lies on the unit circle in weight space.
    for (const polygon of ring.coordinates) {
      for (const p of polygon[polygon.length - 1]) expect(Math.hypot(a * p[0] + e, d * p[1] + f)).toBeCloseTo(1, 2);
    }
  });

  it('makes grids with square cells and the requested resolution', () => {
    const grid = gridOver({ w1: [0, 4], w2: [0, 2] }, 161);
    expect(grid.cols).toBe(161);
    expect(grid.rows).toBe(81);
    expect((grid.w1Max - grid.w1Min) / (grid.cols - 1)).toBeCloseTo((grid.w2Max - grid.w2Min) / (grid.rows - 1), 1);
  });
});

describe('degenerate regions', () => {
  it('still gives a valid grid, so a collapsed or broken view cannot crash the panel', () => {
    for (const domain of [
      { w1: [1, 1] as const, w2: [0, 2] as const },
      { w1: [NaN, 1] as const, w2: [0, 2] as const },
      { w1: [0, Infinity] as const, w2: [0, 2] as const },
    ]) {
      const grid = gridOver(domain);
      expect(grid.cols).toBeGreaterThanOrEqual(2);
      expect(grid.rows).toBeGreaterThanOrEqual(2);
      expect(Number.isFinite(grid.w1Min) && Number.isFinite(grid.w1Max)).toBe(true);
    }
  });
});
