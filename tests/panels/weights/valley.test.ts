import { describe, expect, it } from 'vitest';
import { valleyCurves } from '../../../src/panels/weights/valley.ts';

const view = { w1: [-3, 3] as const, w2: [-2, 2] as const };

describe('deep-model valley', () => {
  it('traces both branches of w1·w2 = p* and leaves the view on both ends', () => {
    const curves = valleyCurves(1.5, view);
    expect(curves).toHaveLength(2);
    for (const c of curves) {
      c.w1.forEach((w1, i) => expect(w1 * c.w2[i]).toBeCloseTo(1.5, 9));
      expect(Math.max(...c.w1.map(Math.abs))).toBeGreaterThan(3);
      expect(Math.max(...c.w2.map(Math.abs))).toBeGreaterThan(2);
    }
    expect(Math.sign(curves[0].w1[0])).toBe(-Math.sign(curves[1].w1[0]));
  });

  it('lies in the quadrants of the product sign', () => {
    for (const c of valleyCurves(-0.7, view)) c.w1.forEach((w1, i) => expect(Math.sign(w1)).toBe(-Math.sign(c.w2[i])));
  });

  it('is both axes when the best product is 0', () => {
    const curves = valleyCurves(0, view);
    expect(curves).toHaveLength(2);
    expect(curves[0].w2).toEqual([0, 0]);
    expect(curves[1].w1).toEqual([0, 0]);
  });

  it('draws nothing for a non-finite product', () => {
    expect(valleyCurves(NaN, view)).toEqual([]);
  });
});
