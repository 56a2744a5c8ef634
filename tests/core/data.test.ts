import { describe, expect, it } from 'vitest';
import { generateData, LINE_X_MEAN, TRUE_WEIGHTS } from '../../src/core/data.ts';
import { createTrainer } from '../../src/core/trainer.ts';
import type { Dataset } from '../../src/core/types.ts';
import { settingsWith } from './runs.ts';

const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
const variance = (v: Float64Array) => {
  const m = mean(v);
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length;
};
const correlation = (a: Float64Array, b: Float64Array) => {
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  for (let i = 0; i < a.length; i++) ab += (a[i] - ma) * (b[i] - mb);
  return ab / a.length / Math.sqrt(variance(a) * variance(b));
};
const residuals = (data: Dataset, w1: number, w2: number) => data.y.map((y, i) => y - w1 * data.x1[i] - w2 * data.x2[i]);

describe('the synthetic data set', () => {
  it('is identical for identical settings and changes with the seed', () => {
    const a = generateData(settingsWith({ seed: 5 }));
    expect(generateData(settingsWith({ seed: 5 }))).toEqual(a);
    const b = generateData(settingsWith({ seed: 6 }));
    expect(b.x1).not.toEqual(a.x1);
    expect(b.y).not.toEqual(a.y);
  });

  it('does not depend on how the examples are batched, ordered or trained on', () => {
    const base = createTrainer(settingsWith({})).data;
    for (const overrides of [{ b: 1 }, { b: 100, drop: true }, { shuffle: 'replacement' as const }, { lr: 0.1, mom: 0.9, k: 3 }, { restart: true }]) {
      expect(createTrainer(settingsWith(overrides)).data).toEqual(base);
    }
  });

  it('keeps the first examples when n grows', () => {
    const small = generateData(settingsWith({ n: 50 }));
    const large = generateData(settingsWith({ n: 200 }));
    expect(large.x1.subarray(0, 50)).toEqual(small.x1);
    expect(large.y.subarray(0, 50)).toEqual(small.y);
  });

  it('line data: x ~ N(1, 1), x2 ≡ 1, y on the true line up to the noise', () => {
    const data = generateData(settingsWith({ n: 100_000, data: 'line', noise: 0.3 }));
    expect(data.x2.every((v) => v === 1)).toBe(true);
    expect(mean(data.x1)).toBeCloseTo(LINE_X_MEAN, 1);
    expect(variance(data.x1)).toBeCloseTo(1, 1);
    const noise = residuals(data, TRUE_WEIGHTS[0], TRUE_WEIGHTS[1]);
    expect(Math.sqrt(variance(noise))).toBeCloseTo(0.3, 2);
    expect(mean(noise)).toBeCloseTo(0, 2);
  });

  it('line data without noise lies exactly on y = 1.5·x − 0.5, and through the origin for the deep model', () => {
    const line = generateData(settingsWith({ noise: 0 }));
    expect(Math.max(...residuals(line, TRUE_WEIGHTS[0], TRUE_WEIGHTS[1]).map(Math.abs))).toBeLessThan(1e-12);
    const deep = generateData(settingsWith({ noise: 0, model: 'deep' }));
    expect(Math.max(...residuals(deep, TRUE_WEIGHTS[0], 0).map(Math.abs))).toBeLessThan(1e-12);
    expect(deep.x1).toEqual(line.x1);
  });

  it('plane data: standard normal features with correlation rho', () => {
    for (const rho of [-0.9, 0, 0.6]) {
      const data = generateData(settingsWith({ n: 100_000, data: 'plane', rho, noise: 0 }));
      expect(correlation(data.x1, data.x2)).toBeCloseTo(rho, 1.5);
      expect(variance(data.x1)).toBeCloseTo(1, 1);
      expect(variance(data.x2)).toBeCloseTo(1, 1);
      expect(Math.max(...residuals(data, TRUE_WEIGHTS[0], TRUE_WEIGHTS[1]).map(Math.abs))).toBeLessThan(1e-12);
    }
  });
});

describe("line data's constant x2 column", () => {
  it('is all ones, and one array shared by the data sets of one length (8 MB per run saved at n = 10⁶)', () => {
    const a = generateData(settingsWith({ n: 500, seed: 1 }));
    const b = generateData(settingsWith({ n: 500, seed: 2 }));
    expect(a.x2.every((v) => v === 1)).toBe(true);
    expect(b.x2).toBe(a.x2);
    expect(b.x1).not.toBe(a.x1);
    expect(generateData(settingsWith({ n: 499, seed: 1 })).x2).not.toBe(a.x2);
  });

  it('is not shared by plane data, whose x2 varies', () => {
    const a = generateData(settingsWith({ n: 500, data: 'plane', seed: 1 }));
    const b = generateData(settingsWith({ n: 500, data: 'plane', seed: 2 }));
    expect(b.x2).not.toBe(a.x2);
    expect(a.x2.some((v) => v !== a.x2[0])).toBe(true);
  });
});
