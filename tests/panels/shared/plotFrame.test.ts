import { describe, expect, it } from 'vitest';
import { affineOf, makeFrame, plotSize } from '../../../src/panels/shared/plotFrame.ts';

const MARGIN = { top: 26, right: 8, bottom: 30, left: 40 };

describe('shared plot frame', () => {
  it('puts the plot box inside the margin, y growing upwards', () => {
    const frame = makeFrame(MARGIN, 500, 300, { domain: [-2, 3] }, { domain: [10, 20] });
    expect(frame.x.range()).toEqual([40, 492]);
    expect(frame.y.range()).toEqual([270, 26]);
    expect(frame.x(-2)).toBe(40);
    expect(frame.y(20)).toBe(26);
    expect(plotSize(MARGIN, 500, 300)).toEqual([452, 244]);
  });

  it('keeps a one-pixel plot box when the panel is smaller than its margin', () => {
    const frame = makeFrame(MARGIN, 10, 10, { domain: [0, 1] }, { domain: [0, 1] });
    expect(frame.x.range()).toEqual([40, 41]);
    expect(frame.y.range()).toEqual([27, 26]);
    expect(plotSize(MARGIN, 10, 10)).toEqual([1, 1]);
  });

  for (const log of [false, true]) {
    it(`maps values as plain numbers exactly as the ${log ? 'log' : 'linear'} d3 scale does`, () => {
      const frame = makeFrame(MARGIN, 640, 320, { domain: [0, 200] }, { domain: [0.01, 10], log });
      for (const v of [0, 3, 117.5, 200, 260]) expect(frame.fastX(v)).toBeCloseTo(frame.x(v), 9);
      for (const v of [0.01, 0.093, 1, 9.99]) expect(frame.fastY(v)).toBeCloseTo(frame.y(v), 9);
    });
  }

  it('pins values off a clamped axis onto its edge and leaves an unclamped axis extrapolating', () => {
    const frame = makeFrame(MARGIN, 640, 320, { domain: [0, 10] }, { domain: [1, 100], log: true, clamp: true });
    const [bottom, top] = frame.y.range();
    expect(frame.fastY(1e300)).toBeCloseTo(top, 9);
    expect(frame.fastY(0)).toBeCloseTo(bottom, 9);
    expect(frame.fastY(NaN)).toBeNaN();
    expect(frame.fastX(20)).toBeCloseTo(frame.x(20), 9);
    expect(frame.fastX(20)).toBeGreaterThan(frame.x.range()[1]);
  });

  it('pins values off an overshooting axis beyond its edge, so a clipped canvas never draws them along it', () => {
    for (const log of [false, true]) {
      const frame = makeFrame(MARGIN, 640, 320, { domain: [0, 10] }, { domain: [1, 100], log, overshoot: 20 });
      const [bottom, top] = frame.y.range();
      expect(frame.fastY(1e300)).toBeCloseTo(top - 20, 6);
      expect(frame.fastY(Infinity)).toBeCloseTo(top - 20, 6);
      expect(frame.fastY(-1e300)).toBeCloseTo(bottom + 20, 6);
      if (log) expect(frame.fastY(0)).toBeCloseTo(bottom + 20, 6);
      expect(frame.fastY(50)).toBeCloseTo(frame.y(50), 9);
    }
  });

  it('draws values below a floor at the floor: where a log x-axis puts step 0', () => {
    const frame = makeFrame(MARGIN, 640, 320, { domain: [0.5, 1000], log: true, floor: 0.5 }, { domain: [1, 100] });
    expect(frame.fastX(0)).toBeCloseTo(frame.x.range()[0], 9);
    expect(frame.fastX(10)).toBeCloseTo(frame.x(10), 9);
  });

  it('gives the slope and offset of a linear axis', () => {
    const frame = makeFrame(MARGIN, 500, 300, { domain: [-2, 3] }, { domain: [-1, 4] });
    const [ax, bx] = affineOf(frame.xPixels);
    const [ay, by] = affineOf(frame.yPixels);
    for (const v of [-2, 0, 1.25, 3, 7]) {
      expect(ax * v + bx).toBeCloseTo(frame.x(v), 9);
      expect(ay * v + by).toBeCloseTo(frame.y(v), 9);
    }
  });
});
