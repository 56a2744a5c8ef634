import { describe, expect, it } from 'vitest';
import { formatCount, formatEpochs, formatValue } from '../../../src/panels/shared/format.ts';

describe('number formatting', () => {
  it('prints losses with three significant digits, no trailing zeros, and exponents when tiny or huge', () => {
    expect(formatValue(0.093456)).toBe('0.0935');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(8.3812)).toBe('8.38');
    expect(formatValue(2.5e-7)).toBe('2.5e\u22127');
    expect(formatValue(3e16)).toBe('3e16');
    expect(formatValue(123_456)).toBe('1.23e5');
    expect(formatValue(-0.5)).toBe('\u22120.5');
  });

  it('says what overflow and missing values are', () => {
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('\u2212∞');
    expect(formatValue(NaN)).toBe('—');
  });

  it('groups counts with commas and fixes epochs to two decimals', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatEpochs(3.4)).toBe('3.40');
    expect(formatEpochs(12_345.5)).toBe('12,345.50');
  });
});
