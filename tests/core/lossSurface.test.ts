import { describe, expect, it } from 'vitest';
import { generateData } from '../../src/core/data.ts';
import { sufficientStats } from '../../src/core/stats.ts';
import { fullLoss } from '../../src/core/loss.ts';
import { optimum } from '../../src/core/optimum.ts';
import { gridW1, gridW2, lossSurface } from '../../src/core/lossSurface.ts';
import { settingsWith } from './runs.ts';

const stats = sufficientStats(generateData(settingsWith({})));
const grid = { w1Min: -3, w1Max: 4, w2Min: -2, w2Max: 3, cols: 8, rows: 6 };

describe('the loss surface', () => {
  it('holds the full loss at every grid point, row by row from w2Min', () => {
    for (const model of ['linear', 'deep'] as const) {
      const values = lossSurface(stats, model, grid);
      expect(values).toHaveLength(48);
      for (let row = 0; row < grid.rows; row++) {
        for (let col = 0; col < grid.cols; col++) {
          expect(values[col + row * grid.cols]).toBe(fullLoss(stats, model, gridW1(grid, col), gridW2(grid, row)));
        }
      }
      expect(values[0]).toBe(fullLoss(stats, model, -3, -2));
      expect(values[7]).toBe(fullLoss(stats, model, 4, -2));
      expect(values[47]).toBe(fullLoss(stats, model, 4, 3));
    }
  });

  it('is lowest next to the optimum', () => {
    const fine = { w1Min: -1, w1Max: 3, w2Min: -2, w2Max: 2, cols: 81, rows: 81 };
    const values = lossSurface(stats, 'linear', fine);
    const lowest = values.indexOf(Math.min(...values));
    const [b1, b2] = optimum(stats, 'linear').w;
    expect(Math.abs(gridW1(fine, lowest % fine.cols) - b1)).toBeLessThanOrEqual(0.05 / 2 + 1e-12);
    expect(Math.abs(gridW2(fine, Math.floor(lowest / fine.cols)) - b2)).toBeLessThanOrEqual(0.05 / 2 + 1e-12);
  });

  it('takes a single row or column at the minimum edge', () => {
    expect(Array.from(lossSurface(stats, 'linear', { ...grid, cols: 1, rows: 1 }))).toEqual([fullLoss(stats, 'linear', -3, -2)]);
  });

  it('refuses grid sizes that are not whole numbers ≥ 1', () => {
    for (const size of [0, -1, 2.5, NaN]) expect(() => lossSurface(stats, 'linear', { ...grid, cols: size })).toThrow(RangeError);
  });
});
