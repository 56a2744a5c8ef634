import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { runNames } from '../../src/store/runNames.ts';

const s = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('run names in the legend', () => {
  it('name a lone run by its batch size and shuffle mode', () => {
    expect(runNames([s()])).toEqual(['b=10, shuffle=epoch']);
  });

  it('name compared runs by what sets them apart', () => {
    expect(runNames([s({ b: 1 }), s(), s({ b: 100 })])).toEqual(['b=1', 'b=10', 'b=100']);
    expect(runNames([s({ shuffle: 'none', k: 200 }), s({ shuffle: 'none' }), s({ k: 200 })])).toEqual([
      'shuffle=none, k=200',
      'shuffle=none, k=1',
      'shuffle=epoch, k=200',
    ]);
  });

  it('say on and off for switches, and number runs that would share a name', () => {
    expect(runNames([s(), s({ restart: true })])).toEqual(['restart off', 'restart on']);
    expect(runNames([s(), s()])).toEqual(['b=10, shuffle=epoch', 'b=10, shuffle=epoch (2)']);
  });
});
