import { describe, expect, it } from 'vitest';
import { thinLabels } from '../../../src/panels/shared/labelThinning.ts';

describe('epoch label thinning', () => {
  it('keeps every label when they are far apart', () => {
    expect(thinLabels([0, 50, 100], [0, 0, 0], 3, 10)).toEqual([0, 1, 2]);
  });

  it('drops labels that would overlap, keeping the newest and the first', () => {
    // Epochs converging onto one spot: 0 far away, then 1 … 9 within a few pixels of each other.
    const xs = [0, 100, 101, 102, 103, 104, 105, 106, 107, 108];
    const ys = xs.map(() => 0);
    const kept = thinLabels(xs, ys, xs.length, 12);
    expect(kept).toContain(0);
    expect(kept).toContain(9);
    expect(kept).not.toContain(8);
    for (const a of kept) for (const b of kept) if (a !== b) expect(Math.hypot(xs[a] - xs[b], ys[a] - ys[b])).toBeGreaterThanOrEqual(12);
  });

  it('never keeps more than the cap, nor labels off the canvas', () => {
    const xs = Array.from({ length: 500 }, (_, i) => i * 20);
    expect(thinLabels(xs, xs, 500, 5, 30).length).toBeLessThanOrEqual(32);
    expect(thinLabels([NaN, 0], [0, Infinity], 2, 5)).toEqual([]);
  });
});
