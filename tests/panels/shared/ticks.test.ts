import { describe, expect, it } from 'vitest';
import { formatCountTick, formatValueTick, logTickLabeller } from '../../../src/panels/shared/ticks.ts';

describe('tick labels', () => {
  it('writes large counts compactly and small ones exactly', () => {
    expect(formatCountTick(200)).toBe('200');
    expect(formatCountTick(5000)).toBe('5,000');
    expect(formatCountTick(1234.5)).toBe('1,234.5');
    expect(formatCountTick(2.5)).toBe('2.5');
    expect(formatCountTick(12_000)).toBe('12K');
    expect(formatCountTick(1_500_000)).toBe('1.5M');
  });

  it('writes loss values plainly, and powers of ten for tiny or huge ones', () => {
    expect(formatValueTick(0.05)).toBe('0.05');
    expect(formatValueTick(-2)).toBe('−2');
    expect(formatValueTick(1e-4)).toBe('10⁻⁴');
    expect(formatValueTick(1e16)).toBe('10¹⁶');
    expect(formatValueTick(5e-6)).toBe('5·10⁻⁶');
  });

  it('leaves non-finite ticks blank', () => {
    expect(formatValueTick(Infinity)).toBe('');
    expect(formatCountTick(NaN)).toBe('');
  });
});

describe('log-axis labels', () => {
  it('labels every tick when they fit', () => {
    const label = logTickLabeller([0.1, 1, 10], 5);
    expect([0.1, 1, 10].map(label)).toEqual(['0.1', '1', '10']);
  });

  it('labels 1, 2, 5 multiples, then only powers of ten, as ticks crowd', () => {
    const ticks = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3];
    expect(ticks.map(logTickLabeller(ticks, 6)).filter(Boolean)).toEqual(['0.1', '0.2', '0.5', '1', '2']);
    expect(ticks.map(logTickLabeller(ticks, 3)).filter(Boolean)).toEqual(['0.1', '1']);
  });
});
