import { describe, expect, it } from 'vitest';
import { subsampleCount, subsampleStride } from '../../../src/panels/data/subsample.ts';

describe('scatter subsampling', () => {
  it('draws every example up to the limit', () => {
    expect(subsampleStride(100, 20_000)).toBe(1);
    expect(subsampleCount(20_000, 20_000)).toBe(20_000);
  });

  it('draws at most the limit beyond it, spread over the whole set', () => {
    for (const n of [20_001, 123_457, 1_000_000]) {
      const stride = subsampleStride(n, 20_000);
      expect(subsampleCount(n, 20_000)).toBeLessThanOrEqual(20_000);
      // The last drawn index is within one stride of the end: no part of the data is left out.
      expect(n - 1 - (subsampleCount(n, 20_000) - 1) * stride).toBeLessThan(stride);
    }
  });

  it('handles no data', () => {
    expect(subsampleCount(0, 20_000)).toBe(0);
  });
});
