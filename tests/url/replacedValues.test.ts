import { describe, expect, it } from 'vitest';
import { parseExperimentQuery } from '../../src/url/experimentUrl.ts';

function messages(query: string): string[] {
  return parseExperimentQuery(query).problems.map((p) => p.message);
}

describe('a notice for a replaced value says what it was replaced by', () => {
  it('for a setting, as the b line does', () => {
    expect(messages('?shuffle=zz')).toEqual(['shuffle=zz: shuffle must be one of none, once, epoch, batches, replacement; using epoch']);
    expect(messages('?b=0')).toEqual(['b=0: batch size must be an integer from 1 to n (100); using 10']);
    expect(messages('?lr=fast&shuffle=once&runs=shuffle:zz')).toEqual([
      'lr=fast: learning rate must be a finite number > 0; using 0.03',
      // Inside a run the value kept is that of the edited settings.
      'runs (shuffle:zz): shuffle=zz: shuffle must be one of none, once, epoch, batches, replacement; using once',
    ]);
  });

  it('for the view and the question', () => {
    expect(messages('?x=sideways&y=cubic&smooth=2&speed=fast&q=%3Cb%3E')).toEqual([
      'x=sideways: the x-axis must be one of steps, epochs, examples; using steps',
      'y=cubic: the y scale must be log or linear; using log',
      'smooth=2: smoothing must be a number from 0 to 0.99; using 0',
      'speed=fast: the speed must be one of 2, 10, 60, 600, max (steps per second); using 10',
      'q=<b>: not a question id; no question is shown',
    ]);
  });
});

describe('runs that bad values make identical', () => {
  it('are kept once, and the notice says so', () => {
    const { experiment, problems } = parseExperimentQuery('?runs=zz:1,b:0');
    expect(experiment.runs).toHaveLength(1);
    expect(experiment.runs[0].settings).toEqual(experiment.settings);
    expect(problems.map((p) => p.message)).toEqual([
      "runs (zz:1): unknown setting 'zz' was ignored",
      'runs (b:0): b=0: batch size must be an integer from 1 to n (100); using 10',
      "runs: 'zz:1' and 'b:0' are the same run once their bad values are replaced; only the first is kept",
    ]);
  });

  it('a run that collapses onto a valid one is dropped, and shown if either was', () => {
    const { experiment, problems } = parseExperimentQuery('?runs=!b:32,shuffle:none,b:32~lr:-1');
    expect(experiment.runs.map((r) => [r.settings.b, r.settings.shuffle, r.visible])).toEqual([
      [32, 'epoch', true],
      [10, 'none', true],
    ]);
    expect(problems.at(-1)?.message).toBe("runs: 'b:32' and 'b:32~lr:-1' are the same run once their bad values are replaced; only the first is kept");
  });

  it('also when a replaced value of the edited settings makes them identical', () => {
    const { experiment, problems } = parseExperimentQuery('?b=0&runs=base,b:10');
    expect(experiment.runs).toHaveLength(1);
    expect(problems.at(-1)?.message).toBe("runs: 'base' and 'b:10' are the same run once their bad values are replaced; only the first is kept");
  });

  it('equal runs written as such stay, as the page made them', () => {
    expect(parseExperimentQuery('?runs=base,!base').experiment.runs).toHaveLength(2);
  });
});
