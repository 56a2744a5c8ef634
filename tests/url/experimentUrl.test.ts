import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { parseSettings } from '../../src/core/parseSettings.ts';
import { experimentToQuery, MAX_QUERY_LENGTH, parseExperimentQuery, type Experiment } from '../../src/url/experimentUrl.ts';
import { DEFAULT_VIEW, SPEED_CHOICES, withXAxis, X_AXES, Y_SCALES } from '../../src/url/view.ts';
import { MAX_RUNS } from '../../src/worker/protocol.ts';
import { withoutInapplicable } from '../../src/url/applicableSettings.ts';
import { validSettings } from '../support/arbitraries.ts';

const view = fc.record({
  x: fc.constantFrom(...X_AXES),
  y: fc.constantFrom(...Y_SCALES),
  smooth: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.99, noNaN: true })),
  speed: fc.constantFrom(...SPEED_CHOICES),
  zoom: fc.option(
    fc
      .tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }))
      .filter(([from, to]) => to > from && !Object.is(from, -0))
      .map(([from, to]) => [from, to] as const),
    { nil: null },
  ),
  logx: fc.boolean(),
  present: fc.boolean(),
});

const experiment: fc.Arbitrary<Experiment> = fc.record({
  settings: validSettings,
  runs: fc.array(fc.record({ settings: validSettings, visible: fc.boolean() }), { maxLength: MAX_RUNS }),
  view,
  question: fc.option(fc.constantFrom('restart', 'steps-per-epoch', 'big-or-small'), { nil: null }),
});

/** A copy with every -0 inside made 0. */
function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)])) as T;
  return value;
}

describe('experiment URL', () => {
  it('settings, compared runs and view survive a round trip through the query string', () => {
    fc.assert(
      fc.property(experiment, (exp) => {
        const query = experimentToQuery(exp);
        const { experiment: back, problems } = parseExperimentQuery(query);
        expect(problems).toEqual([]);
        // Settings that cannot change a run (rho with line data, drop when b divides n) are not carried,
        // and -0 is read back as 0 (one experiment, one link).
        const settings = withoutInapplicable(exp.settings, DEFAULT_SETTINGS);
        expect(back).toEqual(
          withoutNegativeZero({
            ...exp,
            settings: { ...settings, w0: [...settings.w0] },
            runs: exp.runs.map((r) => ({ ...r, settings: { ...withoutInapplicable(r.settings, settings), w0: [...r.settings.w0] } })),
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('leaves defaults out, so the default experiment is the bare page', () => {
    expect(experimentToQuery({ settings: { ...DEFAULT_SETTINGS }, runs: [], view: { ...DEFAULT_VIEW }, question: null })).toBe('');
    const query = experimentToQuery({ settings: { ...DEFAULT_SETTINGS, b: 8, shuffle: 'none' }, runs: [], view: { ...DEFAULT_VIEW }, question: null });
    expect(query).toBe('?b=8&shuffle=none');
  });

  it('writes compared runs readably, relative to the edited settings', () => {
    const base = { ...DEFAULT_SETTINGS };
    const query = experimentToQuery({
      settings: base,
      runs: [
        { settings: { ...base, shuffle: 'none' }, visible: true },
        { settings: { ...base }, visible: true },
        { settings: { ...base, b: 1, w0: [0.5, -2] }, visible: false },
      ],
      view: { ...DEFAULT_VIEW, x: 'epochs', speed: 'max' },
      question: null,
    });
    expect(query).toBe('?x=epochs&speed=max&runs=shuffle:none,base,!b:1~w0:0.5_-2');
  });

  it('keeps the loss chart’s zoom and log-x in the link, and names a zoom it cannot use', () => {
    const exp: Experiment = { settings: { ...DEFAULT_SETTINGS }, runs: [], view: { ...DEFAULT_VIEW, x: 'epochs', zoom: [0.5, 2.25], logx: true }, question: null };
    const query = experimentToQuery(exp);
    expect(query).toBe('?x=epochs&zoom=0.5_2.25&logx=1');
    expect(parseExperimentQuery(query).experiment.view).toEqual(exp.view);
    for (const bad of ['5_5', '9_2', '-1_3', '1', '1_2_3', 'a_b']) {
      const { experiment: back, problems } = parseExperimentQuery(`?zoom=${bad}`);
      expect(back.view.zoom, bad).toBeNull();
      expect(problems.map((p) => p.key)).toEqual(['zoom']);
    }
    expect(parseExperimentQuery('?logx=maybe').problems.map((p) => p.key)).toEqual(['logx']);
  });

  it('keeps the presentation view in the link as present=1, and names a value it cannot read', () => {
    const exp: Experiment = { settings: { ...DEFAULT_SETTINGS }, runs: [], view: { ...DEFAULT_VIEW, present: true }, question: 'reshuffle' };
    const query = experimentToQuery(exp);
    expect(query).toBe('?present=1&q=reshuffle');
    expect(parseExperimentQuery(query).experiment.view.present).toBe(true);
    expect(parseExperimentQuery('?present=TRUE').experiment.view.present).toBe(true);
    expect(parseExperimentQuery('?present=0').experiment.view.present).toBe(false);
    const { experiment: back, problems } = parseExperimentQuery('?present=big');
    expect(back.view.present).toBe(false);
    expect(problems.map((p) => p.key)).toEqual(['present']);
  });

  it('drops a zoom when the x-axis changes, since the zoom is in the old axis’s units', () => {
    const zoomed = { ...DEFAULT_VIEW, zoom: [100, 500] as const };
    expect(withXAxis(zoomed, 'epochs')).toEqual({ ...zoomed, x: 'epochs', zoom: null });
    expect(withXAxis(zoomed, 'steps')).toBe(zoomed);
  });

  it('reads the documented example link', () => {
    const { experiment: exp, problems } = parseExperimentQuery('?n=200&b=8&shuffle=none&lr=0.05&seed=3&runs=shuffle:none,shuffle:epoch');
    expect(problems).toEqual([]);
    expect(exp.settings).toMatchObject({ n: 200, b: 8, shuffle: 'none', lr: 0.05, seed: 3 });
    expect(exp.runs.map((r) => r.settings.shuffle)).toEqual(['none', 'epoch']);
    expect(exp.runs[1].settings).toEqual({ ...exp.settings, shuffle: 'epoch' });
  });

  it('turns any query into a valid experiment plus problems, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        const { experiment: exp, problems } = parseExperimentQuery(query);
        expect(parseSettings([]).settings).toBeDefined();
        // Whatever came in, what comes out re-encodes and re-reads cleanly.
        expect(parseExperimentQuery(experimentToQuery(exp)).problems).toEqual([]);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('n', 'b', 'lr', 'runs', 'x', 'smooth', 'w0', 'q', 'zz'), fc.string({ maxLength: 30 }))), (pairs) => {
        const query = '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const { experiment: exp } = parseExperimentQuery(query);
        expect(parseExperimentQuery(experimentToQuery(exp)).problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('names each problem of a hostile link and keeps the rest', () => {
    const { experiment: exp, problems } = parseExperimentQuery(
      '?n=1e12&b=0&b=5&shuffle=<script>alert(1)</script>&zz=1&lr=%E0%A4%A&x=sideways&runs=shuffle:none,garbage,b:0&seed=7',
    );
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/n=1e12: number of examples must be an integer from 1 to 1,000,000; using 100/);
    expect(text).toMatch(/b was given more than once/);
    expect(text).toMatch(/shuffle=<script>alert\(1\)<\/script>: shuffle must be one of/);
    expect(text).toMatch(/unknown setting 'zz'/);
    expect(text).toMatch(/broken percent-encoding/);
    expect(text).toMatch(/x=sideways/);
    expect(text).toMatch(/'garbage' is not of the form/);
    expect(text).toMatch(/runs \(b:0\): b=0/);
    expect(exp.settings).toMatchObject({ n: DEFAULT_SETTINGS.n, b: 5, shuffle: DEFAULT_SETTINGS.shuffle, seed: 7 });
    expect(exp.runs.map((r) => r.settings.shuffle)).toEqual(['none', DEFAULT_SETTINGS.shuffle]);
  });

  it('refuses absurdly long queries and too many runs instead of attempting them', () => {
    const long = parseExperimentQuery('?n=' + '9'.repeat(MAX_QUERY_LENGTH));
    expect(long.problems[0].message).toMatch(/limit/);
    expect(long.experiment.settings).toEqual({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0] });
    const many = parseExperimentQuery('?runs=' + Array.from({ length: 20 }, (_, i) => `seed:${i}`).join(','));
    expect(many.experiment.runs).toHaveLength(MAX_RUNS);
    expect(many.problems.map((p) => p.message).join()).toMatch(/at most 8 runs/);
  });
});

describe('experiment URL edge cases', () => {
  it('names empty runs in runs= instead of dropping them silently', () => {
    const one = parseExperimentQuery('?runs=seed:1,,seed:2');
    expect(one.experiment.runs.map((r) => r.settings.seed)).toEqual([1, 2]);
    expect(one.problems.map((p) => p.message)).toEqual(['runs: an empty run was ignored (a comma at the start or the end, or two commas together)']);
    const three = parseExperimentQuery('?runs=,seed:3,,');
    expect(three.experiment.runs).toHaveLength(1);
    expect(three.problems.map((p) => p.message)).toEqual(['runs: 3 empty runs were ignored (a comma at the start or the end, or two commas together)']);
    expect(parseExperimentQuery('?runs=seed:1,seed:2').problems).toEqual([]);
  });

  it('reads -0 as 0, so one experiment has one link', () => {
    const negative = parseExperimentQuery('?rho=-0&data=plane&decay=-0&w0=-0,-0&smooth=-0&runs=mom:-0~w0:-0_1');
    expect(negative.problems).toEqual([]);
    const positive = parseExperimentQuery('?rho=0&data=plane&decay=0&w0=0,0&smooth=0&runs=mom:0~w0:0_1');
    expect(negative.experiment).toEqual(positive.experiment);
    expect(Object.is(negative.experiment.settings.rho, 0)).toBe(true);
    expect(Object.is(negative.experiment.settings.w0[0], 0)).toBe(true);
    expect(Object.is(negative.experiment.runs[0].settings.mom, 0)).toBe(true);
    expect(experimentToQuery(negative.experiment)).toBe(experimentToQuery(positive.experiment));
    expect(experimentToQuery(negative.experiment)).not.toMatch(/-0/);
    // Settings built in code with -0 are written as 0 too.
    const built: Experiment = { ...positive.experiment, settings: { ...positive.experiment.settings, w0: [-0, 1], rho: -0 }, runs: [] };
    expect(experimentToQuery(built)).toBe('?data=plane&w0=0,1');
  });

  it('names a number that underflows to 0, where 0 would otherwise pass unnoticed', () => {
    const { experiment: exp, problems } = parseExperimentQuery('?data=plane&rho=1e-400&w0=2.5e-999,1&noise=0.0&mom=0e5&runs=decay:7e-324~mom:-3e-330');
    expect(problems.map((p) => p.message)).toEqual([
      'rho=1e-400: 1e-400 is nearer 0 than any double can be, so it was read as 0',
      'w0=2.5e-999,1: 2.5e-999 is nearer 0 than any double can be, so it was read as 0',
      'runs (decay:7e-324~mom:-3e-330): mom=-3e-330: -3e-330 is nearer 0 than any double can be, so it was read as 0',
    ]);
    expect(exp.settings.rho).toBe(0);
    expect(exp.settings.w0).toEqual([0, 1]);
    // 7e-324 rounds to the smallest subnormal, not to 0: it is a value, not an underflow.
    expect(exp.runs[0].settings.decay).toBe(5e-324);
    expect(Object.is(exp.runs[0].settings.mom, 0)).toBe(true);
  });
});

describe('a moment in the link (at=)', () => {
  it('reads a whole number of steps and writes it back', () => {
    const { experiment, problems } = parseExperimentQuery('?b=20&at=25');
    expect(problems).toEqual([]);
    expect(experiment.at).toBe(25);
    expect(experimentToQuery(experiment)).toBe('?b=20&at=25');
  });

  it('refuses what is not a step count, with a message, and opens at step 0', () => {
    for (const bad of ['-3', '2.5', 'soon', '1e3', '']) {
      const { experiment, problems } = parseExperimentQuery(`?at=${bad}`);
      expect(experiment.at, bad).toBeUndefined();
      expect(problems.map((p) => p.key), bad).toEqual(['at']);
    }
    expect(parseExperimentQuery('?at=0').experiment.at).toBeUndefined();
  });
});
