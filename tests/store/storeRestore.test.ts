// Restoring a link's runs: configureRuns replaces every run at once, or refuses
// the whole list, naming the run that is wrong.
import { describe, expect, it } from 'vitest';
import { SHUFFLE_MODES, type Settings } from '../../src/core/settings.ts';

import { settings, setup } from './labHarness.ts';

describe('lab store: runs restored from a link', () => {
  it('restores runs from a list: a comparison stays a comparison, the run matching the settings follows them', () => {
    const t = setup();
    const base = settings({ b: 20 });
    const shuffles = SHUFFLE_MODES.map((shuffle) => ({ settings: { ...base, shuffle }, visible: shuffle !== 'none' }));
    expect(t.state.configureRuns(shuffles, base)).toEqual([]);
    expect(t.state.comparison).toBe('shuffle');
    expect(t.state.settings).toEqual(base);
    expect(t.state.runs.map((r) => r.visible)).toEqual([false, true, true, true, true]);
    t.state.setSettings({ lr: 0.01 });
    expect(t.state.runs.every((r) => r.settings.lr === 0.01)).toBe(true);

    const mixed = [{ settings: settings({ lr: 0.1 }) }, { settings: base }];
    t.state.configureRuns(mixed, base);
    expect(t.state.comparison).toBeNull();
    t.state.setSettings({ lr: 0.2 });
    expect(t.state.runs.map((r) => r.settings.lr)).toEqual([0.1, 0.2]);
  });

  it('refuses a list with any invalid run, naming it, and changes nothing', () => {
    const t = setup();
    const before = t.state.runs;
    const problems = t.state.configureRuns([{ settings: settings() }, { settings: settings({ n: 0 }) }]);
    expect(problems[0].message).toMatch(/^run 2: /);
    expect(t.state.runs).toBe(before);
    const many = Array.from({ length: 9 }, (_, i) => ({ settings: settings({ seed: i }) }));
    expect(t.state.configureRuns(many)[0].message).toMatch(/at most 8 runs/);
    expect(t.state.configureRuns([{ settings: null as unknown as Settings }])[0].message).toMatch(/^run 1: settings must be an object/);
  });
});
