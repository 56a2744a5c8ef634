import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchAfterKey, batchToSlider } from '../../src/ui/BatchSizeSlider.tsx';

/** Presses `key` `times` times from b, as the slider does. */
const press = (key: string, b: number, n: number, times: number) => {
  const seen = [b];
  for (let i = 0; i < times; i++) seen.push(batchAfterKey(key, seen.at(-1)!, n)!);
  return seen;
};

describe('the batch-size slider from the keyboard', () => {
  it('← from b = 10 gives a smaller b at each press down to 1 (a one-tick move used to round back to 10)', () => {
    const seen = press('ArrowLeft', 10, 1000, 50);
    expect(seen.slice(0, 10)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(seen.at(-1)).toBe(1);
  });

  it('every arrow press moves to a different b, the next one the way it points, until the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowUp', 'PageUp', 'PageDown'), (n, f, key) => {
        const b = Math.max(1, Math.round(f * n));
        const next = batchAfterKey(key, b, n)!;
        const up = key === 'ArrowRight' || key === 'ArrowUp' || key === 'PageUp';
        expect(Number.isInteger(next)).toBe(true);
        if (up) expect(next).toBe(b === n ? n : Math.max(b + 1, next));
        else expect(next).toBe(b === 1 ? 1 : Math.min(b - 1, next));
        expect(next).toBeGreaterThanOrEqual(1);
        expect(next).toBeLessThanOrEqual(n);
        if (up && b < n) expect(next).toBeGreaterThan(b);
        if (!up && b > 1) expect(next).toBeLessThan(b);
      }),
    );
  });

  it('an arrow moves about one slider tick where ticks are wider than one b, a page about a tenth of the track', () => {
    const n = 1_000_000;
    const right = batchAfterKey('ArrowRight', 500_000, n)!;
    expect(batchToSlider(right, n) - batchToSlider(500_000, n)).toBe(1);
    const page = batchAfterKey('PageUp', 1000, n)!;
    expect(batchToSlider(page, n) - batchToSlider(1000, n)).toBe(100);
    expect(batchAfterKey('PageDown', 1000, n)).toBeLessThan(batchAfterKey('ArrowLeft', 1000, n)!);
    // From b = 10 of 1000 ten PageDowns are ample to reach 1; PageUp from 1 leaves at least one b behind.
    expect(press('PageDown', 10, 1000, 10).at(-1)).toBe(1);
    expect(batchAfterKey('PageUp', 1, 1000)).toBeGreaterThan(1);
  });

  it('Home is 1 and End is n; other keys, and a slider with n = 1, are left to the page', () => {
    expect(batchAfterKey('Home', 37, 500)).toBe(1);
    expect(batchAfterKey('End', 37, 500)).toBe(500);
    expect(batchAfterKey(' ', 37, 500)).toBeUndefined();
    expect(batchAfterKey('r', 37, 500)).toBeUndefined();
    expect(batchAfterKey('ArrowLeft', 1, 1)).toBeUndefined();
  });

  it('a b outside 1 … n (a field mid-edit) steps from the nearest end', () => {
    expect(batchAfterKey('ArrowLeft', 900, 100)).toBe(99);
    expect(batchAfterKey('ArrowRight', 0, 100)).toBe(2);
  });
});
