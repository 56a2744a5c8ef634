import { describe, expect, it } from 'vitest';
import { rowAfterKey } from '../../../src/panels/loss/readingKeys.ts';

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
});
