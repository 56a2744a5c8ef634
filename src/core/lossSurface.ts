// The full loss on a grid of weights, for the contour panel (d3-contour reads
// values[col + row·cols]). Exact at every grid point, via the O(1) full loss.
import type { ModelKind } from './settings.ts';
import type { SufficientStats } from './types.ts';
import { fullLoss } from './loss.ts';

export interface SurfaceGrid {
  readonly w1Min: number;
  readonly w1Max: number;
  readonly w2Min: number;
  readonly w2Max: number;
  /** Points along w1, at least 1 (1 point sits at w1Min). */
  readonly cols: number;
  /** Points along w2, at least 1. */
  readonly rows: number;
}

/** w1 of grid column `col`: w1Min at col 0, w1Max at col cols−1. */
export function gridW1(grid: SurfaceGrid, col: number): number {
  return grid.cols > 1 ? grid.w1Min + ((grid.w1Max - grid.w1Min) * col) / (grid.cols - 1) : grid.w1Min;
}

/** w2 of grid row `row`: w2Min at row 0 (the first row of the array), w2Max at row rows−1. */
export function gridW2(grid: SurfaceGrid, row: number): number {
  return grid.rows > 1 ? grid.w2Min + ((grid.w2Max - grid.w2Min) * row) / (grid.rows - 1) : grid.w2Min;
}

/** Row-major losses: value at (gridW1(col), gridW2(row)) is at index col + row·cols. */
export function lossSurface(stats: SufficientStats, model: ModelKind, grid: SurfaceGrid): Float64Array {
  const { cols, rows } = grid;
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1) {
    throw new RangeError(`A loss surface needs whole numbers of columns and rows ≥ 1, not ${cols} × ${rows}`);
  }
  const values = new Float64Array(cols * rows);
  for (let row = 0; row < rows; row++) {
    const w2 = gridW2(grid, row);
    for (let col = 0; col < cols; col++) values[col + row * cols] = fullLoss(stats, model, gridW1(grid, col), w2);
  }
  return values;
}
