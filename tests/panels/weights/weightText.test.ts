import { describe, expect, it } from 'vitest';
import { summary } from '../../../src/panels/weights/weightText.ts';
import type { RunPath } from '../../../src/panels/weights/weightScene.ts';
import { trainedRun } from '../runFixture.ts';

describe('weight-space summary', () => {
  it('counts one finished epoch in the singular', () => {
    // n = 100, b = 10: 15 steps are one whole epoch and half of the next.
    const run = trainedRun({}, 15);
    const text = summary([{ run } as RunPath], null, null);
    expect(text).toContain('run: 1 epoch done, now at w1 = ');
    expect(summary([{ run: trainedRun({}, 25) } as RunPath], null, null)).toContain('run: 2 epochs done');
  });
});
