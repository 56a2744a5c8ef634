import { describe, expect, it } from 'vitest';
import { formatCount, formatEpochs, formatValue } from '../../../src/panels/shared/format.ts';

describe('number formatting', () => {
  it('prints losses with four significant digits and exponents when tiny or huge', () => {
    expect(formatValue(0.093456)).toBe('0.09346');
    expect(formatValue(1.5)).toBe('1.500');
    expect(formatValue(2.5e-7)).toBe('2.50e-7');
    expect(formatValue(3e16)).toBe('3.00e+16');
    expect(formatValue(-0.5)).toBe('−0.5000');
  });

  it('says what overflow and missing values are', () => {
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(NaN)).toBe('—');
  });

  it('groups counts and fixes epochs to two decimals', () => {
    expect(formatCount(1234567)).toBe('1\u2009234\u2009567');
    expect(formatEpochs(3.4)).toBe('3.40');
  });
});
