// The fast M4 stream (row numbers for extremes, block copies for buckets of
// one step) against the stream as first written (m4Reference.ts), on random
// keys with NaN and ties, random step gaps (rows of a finer level), random
// plans mixing widths of 1 and more, random push blocks and takes in between.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStepRecords, SERIES_COLUMNS, type SeriesRecords } from '../../src/core/records.ts';
import { M4Stream, type BucketPlan, type BucketSegment } from '../../src/worker/m4.ts';
import { createM4Rows, M4_COLUMNS } from '../../src/worker/m4Rows.ts';
import { ReferenceM4Stream } from './m4Reference.ts';
import { bytes } from './runnerHarness.ts';

/** A key drawn from a few kinds: small integers (ties), NaN, ±Infinity, any double in [−1, 1). */
function keyOf(u: number, v: number): number {
  if (u < 0.1) return NaN;
  if (u < 0.15) return u < 0.125 ? Infinity : -Infinity;
  if (u < 0.5) return Math.floor(v * 7) - 3;
  return 2 * v - 1;
}

/** Rows with strictly increasing whole steps (every step, as the trainer's, or gaps of 1 to 3, as rows of a finer level) and every other column random. */
const rowsArbitrary = fc.record({ seed: fc.integer(), length: fc.integer({ min: 1, max: 600 }), maxGap: fc.constantFrom(1, 3) }).map(({ seed, length, maxGap }) => {
  let state = seed | 0;
  const draw = () => ((state = (Math.imul(state, 0x19660d) + 0x3c6ef35f) | 0) >>> 0) / 2 ** 32;
  const r = createStepRecords(length);
  let step = 0;
  for (let i = 0; i < length; i++) {
    step += 1 + Math.floor(draw() * maxGap);
    r.step[i] = step;
    r.epoch[i] = Math.floor(step / 50) + 1;
    for (const c of ['w1', 'w2', 'loss', 'batchLoss', 'valLoss'] as const) r[c][i] = keyOf(draw(), draw());
  }
  r.length = length;
  return r;
});

/**
 * Segments of random lengths and power-of-two widths (1 included), mostly starting on multiples of both
 * neighbours' widths as the view's plans do, sometimes not (the last bucket of a segment is then cut short).
 */
const planArbitrary = fc.array(fc.record({ log2: fc.integer({ min: 0, max: 4 }), buckets: fc.integer({ min: 1, max: 40 }), cut: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })) }), { minLength: 1, maxLength: 5 }).map((parts) => {
  const plan: BucketSegment[] = [];
  let start = 0;
  parts.forEach((part, i) => {
    const width = 2 ** part.log2;
    const end = i === parts.length - 1 ? Infinity : start + 16 * part.buckets + part.cut;
    plan.push({ start, end, width });
    start = end;
  });
  return plan as BucketPlan;
});

/** Where the rows are cut into pushes, where in the buffer each block goes, and whether the rows so far are then taken or looked at. */
const cutsArbitrary = fc.array(fc.record({ size: fc.integer({ min: 1, max: 80 }), offset: fc.integer({ min: 0, max: 8 }), then: fc.constantFrom('push', 'take', 'peek') }), {
  minLength: 1,
  maxLength: 40,
  size: 'max',
});

/** The first column whose rows differ bit for bit (NaN and −0 included), or null. */
function differentColumn(got: { length: number } & Record<string, unknown>, want: { length: number } & Record<string, unknown>): string | null {
  if (got.length !== want.length) return `length ${got.length} ≠ ${want.length}`;
  for (const c of SERIES_COLUMNS) {
    const a = bytes((got[c] as Float64Array).subarray(0, got.length));
    const b = bytes((want[c] as Float64Array).subarray(0, want.length));
    if (a.some((x, i) => x !== b[i])) return c;
  }
  return null;
}

function sameColumns(got: { length: number } & Record<string, unknown>, want: { length: number } & Record<string, unknown>, where: string): void {
  expect(differentColumn(got, want), where).toBeNull();
}

/** Copies rows from … to − 1 into `buffer` from row 0 on (the trainer's scratch rows are reused the same way). */
function copyInto(buffer: SeriesRecords, source: SeriesRecords, from: number, to: number): void {
  for (const c of SERIES_COLUMNS) buffer[c].set(source[c].subarray(from, to));
  buffer.length = to - from;
}

function scribble(buffer: SeriesRecords): void {
  for (const c of SERIES_COLUMNS) buffer[c].fill(-12345);
}

describe('the fast M4 stream', () => {
  it('carries exactly the series columns, valLoss included', () => {
    expect([...M4_COLUMNS]).toEqual([...SERIES_COLUMNS]);
  });

  it('gives the same rows, open counts and bucket counts as the stream as first written, however the rows are pushed', () => {
    fc.assert(
      fc.property(rowsArbitrary, planArbitrary, cutsArbitrary, fc.constantFrom('loss', 'batchLoss', 'valLoss') as fc.Arbitrary<'loss' | 'batchLoss' | 'valLoss'>, (rows, plan, cuts, column) => {
        const fast = new M4Stream(column, plan, 4);
        const reference = new ReferenceM4Stream(column, plan, 4);
        // The fast stream gets each block in a reused buffer, past rows left from the block before, and the
        // buffer is scribbled over after the push: it must keep what it needs, and read only its rows.
        const buffer = createStepRecords(88);
        let at = 0;
        let cut = 0;
        while (at < rows.length) {
          const { size, offset, then } = cuts[cut++ % cuts.length];
          const to = Math.min(rows.length, at + size);
          copyInto(buffer, rows, Math.max(0, at - offset), to);
          fast.push(buffer, Math.min(at, offset), Math.min(at, offset) + to - at);
          scribble(buffer);
          reference.push(rows, at, to);
          at = to;
          expect(fast.closedBuckets).toBe(reference.closedBuckets);
          expect(fast.openUntil).toBe(reference.openUntil);
          expect(fast.openRows).toBe(reference.openRows);
          expect(fast.completeRows).toBe(reference.completeRows);
          if (then === 'take') {
            const got = fast.take();
            const want = reference.take();
            expect(got.open).toBe(want.open);
            expect(got.rows.capacity).toBe(got.rows.length);
            sameColumns(got.rows, want.rows, `take at row ${at}`);
          } else if (then === 'peek') {
            const got = fast.rowsWithOpen();
            const want = reference.rowsWithOpen();
            expect(got.open).toBe(want.open);
            sameColumns({ ...got.rows, length: got.rows.length + got.open }, { ...want.rows, length: want.rows.length + want.open }, `rows with open at row ${at}`);
          }
        }
        const got = fast.take();
        const want = reference.take();
        expect(got.open).toBe(want.open);
        sameColumns(got.rows, want.rows, 'the last take');
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the rows it is given, whatever the rows before them hold', () => {
    const plan: BucketPlan = [{ start: 0, end: Infinity, width: 4 }];
    const rows = (steps: number[]) => {
      const r = createStepRecords(steps.length);
      steps.forEach((step, i) => {
        r.step[i] = step;
        r.loss[i] = 10 - i;
      });
      r.length = steps.length;
      return r;
    };
    const fast = new M4Stream('loss', plan);
    const reference = new ReferenceM4Stream('loss', plan);
    fast.push(rows([1, 2]));
    reference.push(rows([1, 2]));
    // Rows 0 and 1 are not fed: their steps 4 and 5 must not be taken for the open bucket's end.
    const next = rows([4, 5, 6, 7]);
    fast.push(next, 2);
    reference.push(next, 2);
    sameColumns(fast.take().rows, reference.take().rows, 'after a push from row 2');
  });

  it('can write over the very rows it reads (the pyramid coarsens in place), giving the same rows', () => {
    const wider = planArbitrary.map((plan) => plan.map((segment) => ({ ...segment, width: Math.max(2, segment.width) })));
    fc.assert(
      fc.property(rowsArbitrary, wider, (rows, plan) => {
        const want = new ReferenceM4Stream('batchLoss', plan);
        want.push(rows);
        const own = createM4Rows(rows.length);
        for (const c of M4_COLUMNS) own[c].set(rows[c].subarray(0, rows.length));
        own.length = rows.length;
        const stream = new M4Stream('batchLoss', plan, own);
        stream.push(own, 0, rows.length);
        const { rows: got, open } = stream.rowsWithOpen();
        const expected = want.rowsWithOpen();
        expect(open).toBe(expected.open);
        sameColumns({ ...got, length: got.length + open }, { ...expected.rows, length: expected.rows.length + expected.open }, 'in place');
      }),
    );
  });

  it('keeps every row as it is while buckets are one step wide, the same as the general path', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 50 }), (rows, block) => {
        const plan: BucketPlan = [{ start: 0, end: Infinity, width: 1 }];
        const fast = new M4Stream('loss', plan, 2);
        const reference = new ReferenceM4Stream('loss', plan, 2);
        for (let at = 0; at < rows.length; at += block) {
          fast.push(rows, at, Math.min(rows.length, at + block));
          reference.push(rows, at, Math.min(rows.length, at + block));
        }
        expect(fast.closedBuckets).toBe(rows.length);
        const got = fast.take();
        expect(got.open).toBe(0);
        sameColumns(got.rows, rows, 'every row');
        sameColumns(got.rows, reference.take().rows, 'the general path');
      }),
    );
  });
});
