import { describe, expect, it } from 'vitest';
import { lossFrame as makeFrame, OFF_AXIS_OVERSHOOT } from '../../../src/panels/loss/lossFrame.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';

const linearX = (domain: [number, number]) => ({ window: { domain, log: false } });

describe('loss chart frame', () => {
  for (const mode of ['log', 'linear'] as const) {
    it(`draws rows where the ${mode} axis puts them`, () => {
      const frame = makeFrame({ ...linearX([0, 200]), yDomain: [0.01, 10] }, 560, 290, mode);
      for (const x of [0, 3, 117.5, 200]) expect(frame.fastX(x)).toBeCloseTo(frame.x(x), 9);
      for (const v of [0.01, 0.093, 1, 9.99]) expect(frame.fastY(v)).toBeCloseTo(frame.y(v), 9);
    });
  }

  it('pins off-axis values beyond the clipped plot, never onto its edge (no flat line along the axis)', () => {
    const frame = makeFrame({ ...linearX([0, 1]), yDomain: [0.01, 10] }, 560, 290, 'log');
    const [bottom, top] = frame.y.range();
    const hidden = OFF_AXIS_OVERSHOOT;
    expect(hidden).toBeGreaterThan(LOSS_STYLE.edgePad);
    expect(frame.fastY(Infinity)).toBeCloseTo(top - hidden, 6);
    expect(frame.fastY(1e300)).toBeCloseTo(top - hidden, 6);
    expect(frame.fastY(0)).toBeCloseTo(bottom + hidden, 6);
    expect(frame.fastY(-5)).toBeCloseTo(bottom + hidden, 6);
    expect(frame.fastY(1e-3)).toBeGreaterThan(bottom + LOSS_STYLE.edgePad);
    expect(frame.fastY(NaN)).toBeNaN();
  });

  it('on a log x-axis draws step 0 at the left edge', () => {
    const frame = makeFrame({ window: { domain: [0.5, 1000], log: true }, yDomain: [0.01, 10] }, 560, 290, 'log');
    expect(frame.fastX(0)).toBeCloseTo(frame.x.range()[0], 9);
    expect(frame.fastX(100)).toBeCloseTo(frame.x(100), 9);
  });
});
