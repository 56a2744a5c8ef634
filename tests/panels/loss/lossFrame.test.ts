import { describe, expect, it } from 'vitest';
import { lossFrame as makeFrame } from '../../../src/panels/loss/lossFrame.ts';

describe('loss chart frame', () => {
  for (const mode of ['log', 'linear'] as const) {
    it(`draws rows where the ${mode} axis puts them`, () => {
      const frame = makeFrame({ xDomain: [0, 200], yDomain: [0.01, 10] }, 560, 290, mode);
      for (const x of [0, 3, 117.5, 200]) expect(frame.fastX(x)).toBeCloseTo(frame.x(x), 9);
      for (const v of [0.01, 0.093, 1, 9.99]) expect(frame.fastY(v)).toBeCloseTo(frame.y(v), 9);
    });
  }

  it('pins off-axis values to the edges and keeps NaN as a gap', () => {
    const frame = makeFrame({ xDomain: [0, 1], yDomain: [0.01, 10] }, 560, 290, 'log');
    const [bottom, top] = frame.y.range();
    expect(frame.fastY(Infinity)).toBeCloseTo(top, 9);
    expect(frame.fastY(1e300)).toBeCloseTo(top, 9);
    expect(frame.fastY(0)).toBeCloseTo(bottom, 9);
    expect(frame.fastY(-5)).toBeCloseTo(bottom, 9);
    expect(frame.fastY(NaN)).toBeNaN();
  });
});
