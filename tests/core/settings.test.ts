import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSettings, parseSettings } from '../../src/core/parseSettings.ts';
import { DEFAULT_SETTINGS, SETTING_NAMES } from '../../src/core/settings.ts';
import { settingsEqual, settingsToEntries } from '../../src/core/settingsText.ts';
import { validSettings } from '../support/arbitraries.ts';
import { settingsWith } from './runs.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const messages = (entries: [string, string][]) => parseSettings(entries).problems.map((p) => p.message);

describe('settings validation', () => {
  it('accepts the defaults', () => {
    expect(checkSettings(settingsWith({}))).toEqual([]);
  });

  it('reads back every valid setting it writes, with no problems', () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        for (const base of [null, DEFAULT_SETTINGS]) {
          const parsed = parseSettings(settingsToEntries(settings, base));
          expect(parsed.problems).toEqual([]);
          expect(settingsEqual(parsed.settings, settings)).toBe(true);
          expect(Object.is(parsed.settings.w0[0], settings.w0[0]) && Object.is(parsed.settings.w0[1], settings.w0[1])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('turns any entries into valid settings plus problems, without throwing', () => {
    const key = fc.oneof(fc.constantFrom(...SETTING_NAMES), fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: 'binary' }));
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.double().map(String), fc.integer().map(String), fc.constantFrom('', 'true', 'deep', 'plane', '1,2', 'NaN', '1e999'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), (entries) => {
        const { settings, problems } = parseSettings(entries);
        expect(checkSettings(settings)).toEqual([]);
        for (const problem of problems) {
          expect(problem.message.length).toBeLessThan(400);
          expect(problem.message).not.toMatch(LONE_SURROGATE);
        }
        const unknown = entries.filter(([k]) => !(SETTING_NAMES as readonly string[]).includes(k)).length;
        expect(problems.filter((p) => p.message.startsWith('unknown setting')).length).toBe(unknown);
      }),
      { numRuns: 300 },
    );
  });

  it('names the setting, the given value and the rule, and keeps the previous value', () => {
    const { settings, problems } = parseSettings([['b', '0']]);
    expect(problems).toEqual([{ key: 'b', message: 'b=0: batch size must be an integer from 1 to n (100); using 10' }]);
    expect(settings.b).toBe(10);
    expect(messages([['lr', 'fast']])).toEqual(['lr=fast: learning rate must be a finite number > 0; using 0.03']);
    expect(messages([['mom', '1']])).toEqual(['mom=1: momentum must be a number with 0 ≤ mom < 1; using 0']);
    expect(messages([['shuffle', 'random']])).toEqual(['shuffle=random: shuffle must be one of none, once, epoch, batches, replacement; using epoch']);
    expect(messages([['n', '0x10']])).toEqual(['n=0x10: number of examples must be an integer from 1 to 1,000,000; using 100']);
  });

  it('says what every replaced value was replaced by, as the b line does', () => {
    const base = { ...DEFAULT_SETTINGS, shuffle: 'once' as const, w0: [0.5, -1] as const, restart: true };
    const { settings, problems } = parseSettings(
      [
        ['shuffle', 'zz'],
        ['w0', '1'],
        ['restart', 'maybe'],
        ['data', 'cube'],
        ['seed', '-1'],
      ],
      base,
    );
    expect(settings).toMatchObject({ shuffle: 'once', w0: [0.5, -1], restart: true, data: 'line', seed: 1 });
    expect(problems.map((p) => p.message.replace(/^(\w+=[^:]*):.*(; using .*)$/, '$1$2'))).toEqual([
      'shuffle=zz; using once',
      'w0=1; using 0.5,-1',
      'restart=maybe; using 1',
      'data=cube; using line',
      'seed=-1; using 1',
    ]);
    expect(problems[4].message).toBe('seed=-1: seed must be an integer from 0 to 4,294,967,295; using 1');
  });

  it('checks b against the n in force, wherever n is given, keeping the previous b (lowered to n if needed)', () => {
    for (const entries of [
      [['b', '500'], ['n', '50']],
      [['n', '50'], ['b', '500']],
    ] as [string, string][][]) {
      const { settings, problems } = parseSettings(entries);
      expect(settings).toMatchObject({ n: 50, b: 10 });
      expect(problems.map((p) => p.message)).toEqual(['b=500: batch size must be an integer from 1 to n (50); using 10']);
    }
    expect(parseSettings([['n', '5']])).toMatchObject({ settings: { n: 5, b: 5 }, problems: [{ key: 'b', message: expect.stringMatching(/from 1 to n \(5\); using 5/) }] });
  });

  it('says which value wins when a setting is repeated, and ignores unknown ones by name', () => {
    const { settings, problems } = parseSettings([
      ['epochs', '3'],
      ['epochs', '4'],
      ['speed', '9'],
    ]);
    expect(settings.epochs).toBe(4);
    expect(problems.map((p) => p.message)).toEqual(['epochs was given more than once; the last value (4) is used', "unknown setting 'speed' was ignored"]);
  });

  it('gives the deep model line data', () => {
    const { settings, problems } = parseSettings([
      ['model', 'deep'],
      ['data', 'plane'],
    ]);
    expect(settings.data).toBe('line');
    expect(problems.map((p) => p.key)).toEqual(['data']);
  });
});
