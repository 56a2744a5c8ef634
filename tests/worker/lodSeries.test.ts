import { describe, expect, it } from 'vitest';
import { createStepRecords, SERIES_COLUMNS, type SeriesRecords } from '../../src/core/records.ts';
import { LOD_ROW_CAPACITY, LodSeries } from '../../src/worker/lodSeries.ts';
import { EpochLog } from '../../src/worker/epochLog.ts';
import { createEpochRecords } from '../../src/core/records.ts';

/** A deterministic, wiggly key with plateaus (ties), spikes and the odd NaN, like a noisy batch loss. */
function keyAt(step: number): number {
  if (step % 9973 === 0) return NaN;
  const noise = Math.sin(step * 12.9898) * 43758.5453;
  const jitter = noise - Math.floor(noise);
  return Math.round((1 / Math.sqrt(step) + jitter * 0.1) * 1000) / 1000;
}

/** Rows for steps first … first + count − 1; other columns are functions of the step so rows can be checked whole. */
function rows(first: number, count: number, target?: SeriesRecords): SeriesRecords {
  const r = target && target.capacity >= count ? target : createStepRecords(count);
  for (let i = 0; i < count; i++) {
    const step = first + i;
    r.step[i] = step;
    r.epoch[i] = Math.floor((step - 1) / 100) + 1;
    r.w1[i] = step * 0.5;
    r.w2[i] = -step;
    r.batchLoss[i] = keyAt(step);
    r.loss[i] = 1 / step;
  }
  r.length = count;
  return r;
}

function feed(series: LodSeries, total: number, chunk = 10_000): void {
  const buffer = createStepRecords(chunk);
  for (let first = 1; first <= total; first += chunk) series.append(rows(first, Math.min(chunk, total - first + 1), buffer));
}

function expectRowsWhole(series: LodSeries): void {
  for (let i = 0; i < series.length; i++) {
    const step = series.step[i];
    if (series.w1[i] !== step * 0.5 || series.w2[i] !== -step || series.loss[i] !== 1 / step || !Object.is(series.batchLoss[i], keyAt(step))) {
      throw new Error(`row ${i} (step ${step}) was torn apart`);
    }
  }
}

/** True extremes of the key over a bucket of original steps, first occurrence, NaN never chosen over a number. */
function bucketExtremes(firstStep: number, lastStep: number): { lowest: number; highest: number } {
  let lowest = firstStep;
  let highest = firstStep;
  let lo = keyAt(firstStep);
  let hi = lo;
  for (let s = firstStep + 1; s <= lastStep; s++) {
    const v = keyAt(s);
    if (v < lo || (Number.isNaN(lo) && !Number.isNaN(v))) [lowest, lo] = [s, v];
    if (v > hi || (Number.isNaN(hi) && !Number.isNaN(v))) [highest, hi] = [s, v];
  }
  return { lowest, highest };
}

describe('LodSeries', () => {
  it('keeps every step exactly while the rows fit', () => {
    const series = new LodSeries('batchLoss');
    feed(series, LOD_ROW_CAPACITY, 777);
    expect(series.length).toBe(LOD_ROW_CAPACITY);
    expect(series.bucketWidth).toBe(1);
    for (let i = 0; i < series.length; i++) {
      if (series.step[i] !== i + 1) throw new Error(`step ${i + 1} missing`);
    }
    expectRowsWhole(series);
  });

  it('starts thinning at the first step that does not fit, keeping first and last', () => {
    const series = new LodSeries('batchLoss', 64);
    feed(series, 65, 7);
    expect(series.bucketWidth).toBe(8);
    expect(series.length).toBeLessThanOrEqual(64);
    expect(series.length).toBeLessThan(65);
    expect(series.step[0]).toBe(1);
    expect(series.step[series.length - 1]).toBe(65);
  });

  it('stays bounded over 10 million steps and keeps each bucket’s true first, lowest, highest and last step', () => {
    const series = new LodSeries('batchLoss');
    const total = 10_000_000;
    let peakBytes = 0;
    const buffer = createStepRecords(65_536);
    for (let first = 1; first <= total; first += 65_536) {
      series.append(rows(first, Math.min(65_536, total - first + 1), buffer));
      peakBytes = Math.max(peakBytes, series.byteSize);
      expect(series.length).toBeLessThanOrEqual(LOD_ROW_CAPACITY);
    }
    expect(series.appended).toBe(total);
    expect(peakBytes).toBeLessThanOrEqual(LOD_ROW_CAPACITY * SERIES_COLUMNS.length * 8);
    const width = series.bucketWidth;
    expect(width).toBeGreaterThan(1);
    expect(Math.ceil(total / width)).toBeLessThanOrEqual(LOD_ROW_CAPACITY / 4);

    // Group the kept rows by bucket and compare with the extremes of the original steps.
    let i = 0;
    let buckets = 0;
    while (i < series.length) {
      const bucket = Math.floor((series.step[i] - 1) / width);
      const firstStep = bucket * width + 1;
      const lastStep = Math.min(total, firstStep + width - 1);
      const kept: number[] = [];
      while (i < series.length && Math.floor((series.step[i] - 1) / width) === bucket) kept.push(series.step[i++]);
      const { lowest, highest } = bucketExtremes(firstStep, lastStep);
      const expected = [...new Set([firstStep, lowest, highest, lastStep])].sort((a, b) => a - b);
      if (kept.join() !== expected.join()) throw new Error(`bucket ${bucket}: kept ${kept.join()} but expected ${expected.join()}`);
      buckets++;
    }
    expect(buckets).toBe(Math.ceil(total / width));
    expectRowsWhole(series);
  });

  it('keeps rows sorted by step and the first and last step at every size', () => {
    const series = new LodSeries('loss', 256);
    const buffer = createStepRecords(37);
    let appended = 0;
    for (let round = 0; round < 400; round++) {
      const count = 1 + (round % 37);
      series.append(rows(appended + 1, count, buffer));
      appended += count;
      expect(series.step[0]).toBe(1);
      expect(series.step[series.length - 1]).toBe(appended);
      for (let i = 1; i < series.length; i++) if (!(series.step[i] > series.step[i - 1])) throw new Error('rows out of order');
    }
    expectRowsWhole(series);
  });

  it('thins by its own key: a spike in the loss survives in lossSeries even when the batch loss is flat', () => {
    const lossSeries = new LodSeries('loss', 64);
    const r = createStepRecords(10_000);
    for (let i = 0; i < 10_000; i++) {
      r.step[i] = i + 1;
      r.loss[i] = i === 4321 ? 50 : 1;
      r.batchLoss[i] = 1;
    }
    r.length = 10_000;
    lossSeries.append(r);
    const kept = Array.from(lossSeries.step.subarray(0, lossSeries.length));
    expect(kept).toContain(4322);
  });

  it('appends a sub-range and starts over after clear', () => {
    const series = new LodSeries('loss', 64);
    series.append(rows(1, 10), 2, 5);
    expect(Array.from(series.step.subarray(0, series.length))).toEqual([3, 4, 5]);
    feed(series, 1000);
    series.clear();
    expect(series.length).toBe(0);
    expect(series.bucketWidth).toBe(1);
    series.append(rows(1, 3));
    expect(Array.from(series.step.subarray(0, series.length))).toEqual([1, 2, 3]);
  });

  it('refuses a capacity that buckets of 1, 2 and 4 rows cannot divide', () => {
    expect(() => new LodSeries('loss', 100)).toThrow(RangeError);
  });
});

describe('EpochLog', () => {
  it('keeps every epoch across appends, growing as needed', () => {
    const log = new EpochLog();
    let epoch = 0;
    for (let chunk = 0; chunk < 50; chunk++) {
      const r = createEpochRecords(chunk);
      for (let i = 0; i < chunk; i++) {
        epoch++;
        r.epoch[i] = epoch;
        r.step[i] = epoch * 10;
        r.loss[i] = 1 / epoch;
        r.meanBatchLoss[i] = 2 / epoch;
        r.w1[i] = epoch;
        r.w2[i] = -epoch;
      }
      r.length = chunk;
      log.append(r);
    }
    expect(log.length).toBe(epoch);
    expect(log.capacity).toBeGreaterThanOrEqual(epoch);
    for (let i = 0; i < log.length; i++) {
      expect([log.epoch[i], log.step[i], log.loss[i], log.meanBatchLoss[i], log.w1[i], log.w2[i]]).toEqual([i + 1, (i + 1) * 10, 1 / (i + 1), 2 / (i + 1), i + 1, -(i + 1)]);
    }
    log.clear();
    expect(log.length).toBe(0);
  });
});
