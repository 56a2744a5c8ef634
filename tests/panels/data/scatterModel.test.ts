import { describe, expect, it } from 'vitest';
import { batchCaption, paddedExtent, residualBin, residualRange } from '../../../src/panels/data/scatterModel.ts';

describe('data panel arithmetic', () => {
  it('spans the drawn examples and the highlighted batch, ignoring non-finite values', () => {
    const values = [0, 10, 5, NaN, 7, -20];
    // Stride 2 draws indices 0, 2, 4; the batch adds index 5.
    expect(paddedExtent(values, 2, [5], 0)).toEqual([-20, 7]);
    expect(paddedExtent(values, 2, [], 0)).toEqual([0, 7]);
    expect(paddedExtent([], 1, [])).toEqual([-1, 1]);
    const [lo, hi] = paddedExtent([3, 3], 1, []);
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
  });

  it('colours residuals on a fixed range, so colours fade as the fit improves', () => {
    // |y| = 1 … 100: the 95th percentile is 96, whatever the signs.
    const y = Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : -1) * (i + 1));
    expect(residualRange(y, 1)).toBe(96);
    expect(residualBin(0, 10, 33)).toBe(16);
    expect(residualBin(-10, 10, 33)).toBe(0);
    expect(residualBin(99, 10, 33)).toBe(32);
    expect(residualBin(NaN, 10, 33)).toBe(16);
  });

  it('names the batch and how many examples are highlighted', () => {
    const state = { step: 23, batchInEpoch: 3, batchSize: 10, highlighted: 10 };
    expect(batchCaption(state, { batchesPerEpoch: 10 }, 'epoch')).toBe('batch 3 of 10 · 10 examples highlighted');
    expect(batchCaption({ ...state, batchSize: 5000, highlighted: 1000 }, { batchesPerEpoch: 2 }, 'epoch')).toBe(
      'batch 3 of 2 · the first 1,000 of 5,000 examples highlighted',
    );
    expect(batchCaption({ ...state, batchSize: 1, highlighted: 1 }, { batchesPerEpoch: 100 }, 'none')).toBe('batch 3 of 100 · 1 example highlighted');
    expect(batchCaption({ ...state, batchInEpoch: 2345 }, { batchesPerEpoch: 10_000 }, 'epoch')).toMatch(/^batch 2,345 of 10,000 · /);
    expect(batchCaption(state, { batchesPerEpoch: 10 }, 'replacement')).toContain('with replacement');
    expect(batchCaption({ ...state, step: 0 }, { batchesPerEpoch: 10 }, 'epoch')).toMatch(/Press play/);
  });
});
