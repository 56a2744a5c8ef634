// The statistics the loss surface comes from, computed while the examples are
// drawn (dataStats, validationStats) or from stored examples (sufficientStats):
// the page uses the first for every compared run, the trainer the second, and
// the loss it shows must be the engine's to the last bit.
import { describe, expect, it } from 'vitest';
import { dataStats, generateData, generateValidationData, validationStats } from '../../src/core/data.ts';
import { sufficientStats } from '../../src/core/stats.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import type { SufficientStats } from '../../src/core/types.ts';

const settings = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const bits = (s: SufficientStats) => Object.entries(s).map(([k, v]) => `${k}=${Object.is(v, -0) ? '-0' : String(v)}`);

const CASES: Partial<Settings>[] = [
  {},
  { n: 1 },
  { n: 1000, seed: 7, noise: 2 },
  { data: 'plane', rho: 0.9, n: 500, seed: 3 },
  { data: 'plane', rho: -0.5, noise: 0, n: 257 },
  { model: 'deep', n: 300, seed: 11 },
  { n: 1000, val: 0.5, seed: 5 },
];

describe('dataStats and validationStats', () => {
  for (const patch of CASES) {
    const s = settings(patch);
    it(`equal sufficientStats of the stored examples bit for bit (${JSON.stringify(patch)})`, () => {
      expect(bits(dataStats(s))).toEqual(bits(sufficientStats(generateData(s))));
      expect(bits(validationStats(s))).toEqual(bits(sufficientStats(generateValidationData(s))));
    });
  }

  it('give NaN averages, not zeros, for an empty set', () => {
    const s = settings({ n: 3, val: 0.1 });
    expect(Object.values(validationStats(s)).every(Number.isNaN)).toBe(true);
  });

  it('differ between seeds (they read the draws, not a constant)', () => {
    expect(bits(dataStats(settings({ seed: 1 })))).not.toEqual(bits(dataStats(settings({ seed: 2 }))));
  });
});
