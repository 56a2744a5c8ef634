import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchToSlider, sliderToBatch } from '../../src/ui/BatchSizeSlider.tsx';

describe('batch size slider on a log scale', () => {
  it('reaches both ends and stays within 1 … n', () => {
    expect(sliderToBatch(0, 1000)).toBe(1);
    expect(sliderToBatch(1000, 1000)).toBe(1000);
    expect(sliderToBatch(500, 10000)).toBe(100);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1000 }), (n, pos) => {
        const b = sliderToBatch(pos, n);
        expect(b).toBeGreaterThanOrEqual(1);
        expect(b).toBeLessThanOrEqual(n);
      }),
    );
  });

  it('puts a batch size back where the slider shows it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const b = Math.max(1, Math.round(f * n));
        const back = sliderToBatch(batchToSlider(b, n), n);
        // One slider tick is a factor n^(1/1000): the round trip lands within it.
        expect(Math.abs(Math.log(back) - Math.log(b))).toBeLessThanOrEqual(Math.log(n) / 1000 + Math.log(1 + 1 / b) + 1e-12);
      }),
    );
  });
});
