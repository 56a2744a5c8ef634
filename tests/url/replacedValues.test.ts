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
