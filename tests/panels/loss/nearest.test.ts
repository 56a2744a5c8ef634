import { describe, expect, it } from 'vitest';
import { nearestIndex } from '../../../src/panels/loss/nearest.ts';

describe('nearest row for hover', () => {
  const xs = new Float64Array([1, 2, 4, 8, 16, 999]);
  const rows = 5; // the last slot is unused capacity

  it('finds the row nearest to x, clamping outside the range', () => {
    expect(nearestIndex(xs, rows, 0)).toBe(0);
    expect(nearestIndex(xs, rows, 2.9)).toBe(1);
    expect(nearestIndex(xs, rows, 3.1)).toBe(2);
    expect(nearestIndex(xs, rows, 11)).toBe(3);
    expect(nearestIndex(xs, rows, 500)).toBe(4);
  });

  it('prefers the later row on a tie and among equal x', () => {
    expect(nearestIndex(xs, rows, 3)).toBe(2);
    expect(nearestIndex([0, 10, 10, 10, 20], 5, 10)).toBe(3);
    expect(nearestIndex([0, 10, 10, 10, 20], 5, 11)).toBe(3);
  });

  it('agrees with a linear scan', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => Math.floor(i * 1.7) + (i % 3) * 0.2);
    for (let x = -5; x < 360; x += 0.37) {
      let best = 0;
      for (let i = 0; i < sorted.length; i++) if (Math.abs(sorted[i] - x) <= Math.abs(sorted[best] - x)) best = i;
      expect(Math.abs(sorted[nearestIndex(sorted, sorted.length, x)] - x)).toBe(Math.abs(sorted[best] - x));
    }
  });

  it('reports no row for empty data or NaN', () => {
    expect(nearestIndex(xs, 0, 3)).toBe(-1);
    expect(nearestIndex(xs, rows, NaN)).toBe(-1);
  });
});
