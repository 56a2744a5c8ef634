import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fullLoss, generateData, sufficientStats } from '../../../src/core/index.ts';
import { datasetFor, dataKey, startLossFor, statsFor } from '../../../src/panels/shared/dataCache.ts';

describe('panel data cache', () => {
  it('gives the engine’s data set, and the same object on the next frame', () => {
    const a = datasetFor(DEFAULT_SETTINGS);
    expect(Array.from(a.y)).toEqual(Array.from(generateData(DEFAULT_SETTINGS).y));
    expect(datasetFor({ ...DEFAULT_SETTINGS })).toBe(a);
  });

  it('keys only on the settings that change the data', () => {
    expect(dataKey({ ...DEFAULT_SETTINGS, b: 1, lr: 0.5 } as typeof DEFAULT_SETTINGS)).toBe(dataKey(DEFAULT_SETTINGS));
    expect(dataKey({ ...DEFAULT_SETTINGS, seed: 2 })).not.toBe(dataKey(DEFAULT_SETTINGS));
    expect(dataKey({ ...DEFAULT_SETTINGS, model: 'deep' })).not.toBe(dataKey(DEFAULT_SETTINGS));
  });

  it('computes the start loss from the exact statistics', () => {
    const s = { ...DEFAULT_SETTINGS, seed: 7 };
    expect(startLossFor(s)).toBe(fullLoss(sufficientStats(generateData(s)), 'linear', s.w0[0], s.w0[1]));
    expect(statsFor(s).optimum.status).toBe('unique');
  });
});
