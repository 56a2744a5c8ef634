import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { checkedSettings, settingsProblems, validateSettings } from '../../src/core/settingsValidation.ts';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0] as [number, number], ...patch });

describe('validateSettings', () => {
  it('passes valid settings through with exactly the known fields', () => {
    const result = validateSettings({ ...settings({ b: 25, shuffle: 'once' }), extra: 'dropped' });
    expect(result).toEqual({ ok: true, value: settings({ b: 25, shuffle: 'once' }) });
  });

  it('refuses wrong types without throwing', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ n: '100' }, /n must be a finite number/],
      [{ lr: NaN }, /lr must be a finite number/],
      [{ drop: 1 }, /drop must be true or false/],
      [{ shuffle: 'sometimes' }, /shuffle must be one of/],
      [{ w0: [1] }, /w0 must be a pair/],
      [{ w0: 'a,b' }, /w0 must be a pair/],
      [{ w0: [1, Infinity] }, /w0 must be a pair/],
      [{ seed: undefined }, /seed must be a finite number/],
    ];
    for (const [patch, reason] of cases) {
      const result = validateSettings({ ...settings(), ...patch });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(reason);
    }
    expect(validateSettings(null)).toEqual({ ok: false, message: 'settings must be an object, not null' });
  });

  it('refuses out-of-range values with the settings validator’s reasons', () => {
    const tooBig = validateSettings(settings({ n: 10, b: 20 }));
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.message).toMatch(/batch size must be an integer from 1 to n \(10\)/);
    const badLr = validateSettings(settings({ lr: -1 }));
    expect(badLr.ok).toBe(false);
    const fractional = validateSettings(settings({ n: 10.5 }));
    expect(fractional.ok).toBe(false);
  });
});

describe('settingsProblems and checkedSettings', () => {
  it('name the setting of each problem, the type error alone when the types are wrong', () => {
    expect(settingsProblems(settings())).toEqual([]);
    expect(settingsProblems({ ...settings(), w0: 'oops' })).toEqual([{ key: 'w0', message: 'setting w0 must be a pair of finite numbers' }]);
    expect(settingsProblems(settings({ lr: -1 })).map((p) => p.key)).toEqual(['lr']);
    expect(checkedSettings(settings({ n: 10, b: 20 }))).toMatchObject({ ok: false, problems: [{ key: 'b' }] });
    expect(checkedSettings({ ...settings({ b: 5 }), extra: 1 })).toEqual({ ok: true, value: settings({ b: 5 }) });
  });
});
