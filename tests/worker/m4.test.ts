import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStepRecords, SERIES_COLUMNS, type SeriesRecords } from '../../src/core/records.ts';
import { LodSeries } from '../../src/worker/lodSeries.ts';
import { M4Stream, m4Of, type BucketPlan } from '../../src/worker/m4.ts';
import { bytes } from './runnerHarness.ts';

/** Rows for steps 1 … values.length with `values` as both keys; other columns follow the step so rows can be told apart. */
function rowsOf(values: readonly number[]): SeriesRecords {
  const r = createStepRecords(values.length);
  values.forEach((v, i) => {
    r.step[i] = i + 1;
    r.epoch[i] = Math.floor(i / 10) + 1;
    r.w1[i] = i * 0.5;
    r.w2[i] = -i;
    r.loss[i] = v;
    r.batchLoss[i] = -v;
    r.valLoss[i] = i * 0.25;
  });
  r.length = values.length;
  return r;
}

/** M4 by definition, bucket by bucket: first, first lowest, first highest, last, in step order (NaN never beats a number). */
function m4Naive(values: readonly number[], width: number): number[] {
  const kept: number[] = [];
  for (let start = 0; start < values.length; start += width) {
    const idx = Array.from({ length: Math.min(width, values.length - start) }, (_, i) => start + i);
    const key = (i: number) => (Number.isNaN(values[i]) ? null : values[i]);
    const numbers = idx.filter((i) => key(i) !== null);
    const low = numbers.length ? numbers.reduce((a, b) => (values[b] < values[a] ? b : a)) : idx[0];
    const high = numbers.length ? numbers.reduce((a, b) => (values[b] > values[a] ? b : a)) : idx[0];
    kept.push(...[...new Set([idx[0], low, high, idx[idx.length - 1]])].sort((a, b) => a - b).map((i) => i + 1));
  }
  return kept;
}

const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(NaN), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 3000 });

function sameRows(a: { length: number } & Record<string, unknown>, b: SeriesRecords): void {
  expect(a.length).toBe(b.length);
  for (const c of SERIES_COLUMNS) expect(bytes((a[c] as Float64Array).subarray(0, a.length))).toEqual(bytes(b[c].subarray(0, b.length)));
}

describe('M4 stream and pyramid', () => {
  it('keeps, per bucket, exactly the first, lowest, highest and last step', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 6 }), (vs, log2) => {
        const width = 2 ** log2;
        const got = m4Of(rowsOf(vs), 'loss', [{ start: 0, end: Infinity, width }]);
        expect(Array.from(got.step)).toEqual(m4Naive(vs, width));
      }),
    );
  });

  it('gives the M4 of the steps when fed the rows of the finest level instead (any view coarser than it)', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), (vs, extra, cut) => {
        const all = rowsOf(vs);
        for (const key of ['loss', 'batchLoss'] as const) {
          const lod = new LodSeries(key, 64);
          lod.append(all);
          const width = lod.bucketWidth * 2 ** extra;
          // A plan of two segments, split at a multiple of both widths, the second one coarser.
          const split = width * cut;
          const plan: BucketPlan = [
            { start: 0, end: split, width },
            { start: split, end: Infinity, width: width * 2 },
          ];
          const fromLod = new M4Stream(key, plan);
          fromLod.push(lod, 0, lod.length);
          sameRows(fromLod.take().rows, m4Of(all, key, plan));
        }
      }),
    );
  });

  it('hands over complete buckets once and the open bucket each time until it closes', () => {
    const all = rowsOf([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    const stream = new M4Stream('loss', [{ start: 0, end: Infinity, width: 4 }]);
    stream.push(all, 0, 6);
    const first = stream.take();
    // Bucket 1–4 complete (first 3, lowest 1 at step 2, highest 4 at step 3, last 1 at step 4); 5–6 open.
    expect(Array.from(first.rows.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.open).toBe(2);
    stream.push(all, 6, 8);
    const second = stream.take();
    expect(Array.from(second.rows.step)).toEqual([5, 6, 7, 8]);
    expect(second.open).toBe(0);
    stream.push(all, 8, 10);
    expect(Array.from(stream.take().rows.step)).toEqual([9, 10]);
  });
});
