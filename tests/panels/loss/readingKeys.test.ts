import { describe, expect, it } from 'vitest';
import { rowAfterKey, rowInRangeAfterKey } from '../../../src/panels/loss/readingKeys.ts';

describe('reading the loss chart by keyboard', () => {
  it('starts at the newest row, then walks one row or ten', () => {
    expect(rowAfterKey('ArrowLeft', false, null, 50)).toBe(49);
    expect(rowAfterKey('ArrowRight', true, null, 50)).toBe(49);
    expect(rowAfterKey('ArrowLeft', false, 20, 50)).toBe(19);
    expect(rowAfterKey('ArrowLeft', true, 20, 50)).toBe(10);
    expect(rowAfterKey('ArrowRight', true, 45, 50)).toBe(49);
    expect(rowAfterKey('ArrowLeft', true, 3, 50)).toBe(0);
  });

  it('jumps to the ends, stops on Escape and leaves other keys alone', () => {
    expect(rowAfterKey('Home', false, 20, 50)).toBe(0);
    expect(rowAfterKey('End', false, 20, 50)).toBe(49);
    expect(rowAfterKey('Escape', false, 20, 50)).toBeNull();
    expect(rowAfterKey('a', false, 20, 50)).toBeUndefined();
  });

  it('inside a zoom, walks only the rows shown', () => {
    // Rows 40 … 59 are inside the zoom of a 200-row series.
    expect(rowInRangeAfterKey('ArrowLeft', false, null, [40, 60])).toBe(59);
    expect(rowInRangeAfterKey('ArrowLeft', false, 59, [40, 60])).toBe(58);
    expect(rowInRangeAfterKey('ArrowLeft', false, 150, [40, 60])).toBe(58);
    expect(rowInRangeAfterKey('Home', false, 50, [40, 60])).toBe(40);
    expect(rowInRangeAfterKey('ArrowRight', true, 55, [40, 60])).toBe(59);
    expect(rowInRangeAfterKey('Escape', false, 50, [40, 60])).toBeNull();
    expect(rowInRangeAfterKey('a', false, 50, [40, 60])).toBeUndefined();
    expect(rowInRangeAfterKey('Home', false, null, [40, 40])).toBeUndefined();
  });
});
