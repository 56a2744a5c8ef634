// M4 thinning of a step series as a stream: steps are grouped into buckets of
// consecutive steps, and each bucket keeps the rows (all M4 columns) of its
// first, lowest, highest and last value of a key column, so a line drawn from
// the kept rows covers exactly the pixels the full line would when a bucket is
// at most a pixel wide. Buckets are aligned: with width w, bucket j of a
// segment that starts after step s holds steps s + j·w + 1 … s + (j + 1)·w.
// Because M4 of M4 rows is M4 of the steps (for buckets that nest), the same
// stream fed the rows of a finer aligned level gives exactly what it would give
// fed every step: that is how the worker answers a new view from its pyramid.
//
// It runs for every step of every run, four or six times (two series, three
// with a validation set, each in the pyramid and in the page's view), so it is
// written for speed: the columns are reached through arrays taken once per
// push, a bucket's extremes are tracked as row numbers and copied only when it
// closes (or when a push ends with it open), and buckets of one step are
// copied a block at a time.
import type { SeriesColumn } from '../core/records.ts';
import { COLUMN_COUNT, columnsOf, NO_ROWS, RowBuffer, STEP_COLUMN, type M4Rows, type StepRows } from './m4Rows.ts';

// Orders that make NaN the worst candidate for both the lowest and the highest
// value: a total preorder, so "first best" is well defined and merges stay exact.
export function lower(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}
export function higher(a: number, b: number): boolean {
  return a > b || (b !== b && a === a);
}

/** Steps after `start` (up to `end`, inclusive) go in buckets of `width` steps (whole numbers, as steps are). */
export interface BucketSegment {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

/** Segments in step order, each starting where the previous ends; the last ends at Infinity. */
export type BucketPlan = readonly BucketSegment[];

const COLUMNS = COLUMN_COUNT;
const STEP = STEP_COLUMN;
// Slots of the open bucket: the row that came first, the lowest, the highest and the latest.
const FIRST = 0;
const LOW = 1;
const HIGH = 2;
const LAST = 3;
/** Rows a stream has room for at first; after a take it keeps room for at most KEEP_ROWS (~200 KB), not its peak. */
const FIRST_ROWS = 256;
const KEEP_ROWS = 4096;
/** A slot's row number when its values are in `slots` (the row came in an earlier push), not in the source. */
const SAVED = -1;

export class M4Stream {
  /** The complete buckets' rows not yet taken. */
  private readonly out: RowBuffer;
  /** The open bucket's four rows as copied at the end of the push that left it open, COLUMNS values each. */
  private readonly slots = new Float64Array(4 * COLUMNS);
  /** The source's columns during a push (reused, so a push allocates nothing). */
  private readonly source: Float64Array[] = Array.from({ length: COLUMNS }, () => NO_ROWS);
  private isOpen = false;
  /** Last step of the open bucket. */
  private openEnd = 0;
  private lowValue = NaN;
  private highValue = NaN;
  private segment = 0;
  /** The current segment's end and width, and the last step of the bucket closed last (NaN after one-step buckets). */
  private segmentEnd = NaN;
  private segmentWidth = NaN;
  private closedEnd = NaN;

  /**
   * @param rows room for this many rows at first, or rows to write over from
   *   row 0 on: the stream may then be fed those very rows (from row 0, with
   *   no one-step buckets), since a bucket writes no more rows than it read,
   *   each no later than where it read it, so the writing never overtakes
   *   the reading.
   */
  constructor(
    readonly key: SeriesColumn,
    readonly plan: BucketPlan,
    rows: number | M4Rows = FIRST_ROWS,
  ) {
    this.out = new RowBuffer(rows);
  }

  /** Complete buckets' rows not yet taken. */
  get completeRows(): number {
    return this.out.rows.length;
  }

  /** Rows the open bucket would add now (0 when none is open). */
  get openRows(): number {
    return this.isOpen ? this.rowsOf(SAVED, SAVED, SAVED, SAVED) : 0;
  }

  /** Buckets closed since the stream began. */
  closedBuckets = 0;

  /** Last step of the open bucket (0 when none is open). */
  get openUntil(): number {
    return this.isOpen ? this.openEnd : 0;
  }

  /** Feeds rows from … to − 1 of `rows`; their steps (whole numbers) must come after every step fed so far. */
  push(rows: StepRows, from = 0, to = rows.length): void {
    const source = columnsOf(rows, this.source);
    const keyColumn = rows[this.key];
    const steps = source[STEP];
    // The open bucket's slots as rows of this source, or SAVED.
    let first = SAVED;
    let low = SAVED;
    let high = SAVED;
    let lowValue = this.lowValue;
    let highValue = this.highValue;
    let row = from;
    while (row < to) {
      if (!this.isOpen) {
        const step = steps[row];
        if (step === this.closedEnd + 1 && step <= this.segmentEnd) {
          // The step right after a whole bucket of this segment: the next bucket, without a division.
          this.openEnd = Math.min(this.segmentEnd, this.closedEnd + this.segmentWidth);
        } else {
          const { start, end, width } = this.segmentOf(step);
          this.segmentEnd = end;
          this.segmentWidth = width;
          if (width === 1) {
            // Each step is a bucket of one row: the rows up to the segment's end go as they are.
            let stop = row + 1;
            while (stop < to && steps[stop] <= end) stop++;
            this.copyRows(row, stop);
            this.closedBuckets += stop - row;
            this.closedEnd = NaN;
            row = stop;
            continue;
          }
          this.openEnd = Math.min(end, start + Math.ceil((step - start) / width) * width);
        }
        this.isOpen = true;
        first = low = high = row;
        lowValue = highValue = keyColumn[row];
      }
      // The rest of the open bucket in this block: only the rows of new extremes are noted.
      const end = this.openEnd;
      let closes = false;
      // Steps are whole and increasing: if the row `end − step` ahead holds step `end` (or the block's
      // last row its step), the rows up to it are consecutive steps, none closing the bucket before it.
      const at = steps[row];
      const ahead = row + (end - at);
      const last = ahead < to ? ahead : to - 1;
      if (at <= end && steps[last] === at + (last - row)) {
        closes = steps[last] >= end;
        for (; row <= last; row++) {
          const value = keyColumn[row];
          if (lower(value, lowValue)) {
            low = row;
            lowValue = value;
          }
          if (higher(value, highValue)) {
            high = row;
            highValue = value;
          }
        }
      } else {
        for (; row < to; row++) {
          const value = keyColumn[row];
          if (lower(value, lowValue)) {
            low = row;
            lowValue = value;
          }
          if (higher(value, highValue)) {
            high = row;
            highValue = value;
          }
          if (steps[row] >= end) {
            closes = true;
            row++;
            break;
          }
        }
      }
      if (closes) {
        this.emitBucket(first, low, high, row - 1);
        this.closedEnd = end;
        this.isOpen = false;
        this.closedBuckets++;
        first = low = high = SAVED;
      } else {
        // Still open: keep copies, as the source's rows may be overwritten before the next push.
        this.save(FIRST, first);
        this.save(LOW, low);
        this.save(HIGH, high);
        this.save(LAST, row - 1);
      }
    }
    this.lowValue = lowValue;
    this.highValue = highValue;
    // The source is not held on to (it may be a buffer the pyramid has just let go).
    this.source.fill(NO_ROWS);
  }

  /** The complete buckets' rows so far (not taken), then the open bucket's rows written just past them. */
  rowsWithOpen(): { rows: M4Rows; open: number } {
    const open = this.openRows;
    const { rows } = this.out;
    const length = rows.length;
    this.out.reserve(length + open);
    if (open) this.emitBucket(SAVED, SAVED, SAVED, SAVED);
    this.out.rows.length = length;
    return { rows: this.out.rows, open };
  }

  /**
   * Hands over the complete buckets' rows since the last take, then the open
   * bucket's rows (the last `open` of them), and starts collecting afresh.
   * The rows are new buffers, exactly as long as they need be, for a transfer.
   */
  take(): { rows: M4Rows; open: number } {
    const { rows, open } = this.rowsWithOpen();
    // A new view's history (thousands of rows) is taken once; the takes after it are a frame's few rows.
    return { rows: this.out.takeCopy(rows.length + open, FIRST_ROWS, KEEP_ROWS), open };
  }

  /** The segment that holds `step`, moving on through the plan (steps only grow). */
  private segmentOf(step: number): BucketSegment {
    const plan = this.plan;
    while (this.segment < plan.length - 1 && step > plan[this.segment].end) this.segment++;
    return plan[this.segment];
  }

  /** Copies the source's row `row` into `slot` (nothing when the slot is SAVED already). */
  private save(slot: number, row: number): void {
    if (row === SAVED) return;
    const { slots, source } = this;
    const at = slot * COLUMNS;
    for (let c = 0; c < COLUMNS; c++) slots[at + c] = source[c][row];
  }

  /** Appends source rows from … to − 1 whole. */
  private copyRows(from: number, to: number): void {
    this.out.appendRange(this.source, from, to);
  }

  /** Appends a bucket's distinct rows in step order; each slot is a source row or SAVED. */
  private emitBucket(first: number, low: number, high: number, last: number): void {
    if (first !== SAVED && low !== SAVED && high !== SAVED) {
      this.emitSourceBucket(first, low, high, last);
      return;
    }
    const { length, capacity } = this.out.rows;
    if (length + 4 > capacity) this.out.reserve(length + this.rowsOf(first, low, high, last));
    let previous = this.emitRow(FIRST, first, NaN);
    if (this.stepOf(LOW, low) <= this.stepOf(HIGH, high)) {
      previous = this.emitRow(LOW, low, previous);
      previous = this.emitRow(HIGH, high, previous);
    } else {
      previous = this.emitRow(HIGH, high, previous);
      previous = this.emitRow(LOW, low, previous);
    }
    this.emitRow(LAST, last, previous);
  }

  /**
   * The usual case, a bucket that opened and closed in this push: its rows are
   * all in the source, where a later row has a later step, so row numbers
   * order and tell apart the rows, and each column is written in one go.
   */
  private emitSourceBucket(first: number, low: number, high: number, last: number): void {
    this.out.appendDistinct(this.source, first, low < high ? low : high, low < high ? high : low, last);
  }

  /** The distinct rows of a bucket; each slot is a source row or SAVED. */
  private rowsOf(first: number, low: number, high: number, last: number): number {
    const f = this.stepOf(FIRST, first);
    const l = this.stepOf(LOW, low);
    const h = this.stepOf(HIGH, high);
    const z = this.stepOf(LAST, last);
    return 1 + (l !== f ? 1 : 0) + (h !== f && h !== l ? 1 : 0) + (z !== f && z !== l && z !== h ? 1 : 0);
  }

  private stepOf(slot: number, row: number): number {
    return row === SAVED ? this.slots[slot * COLUMNS + STEP] : this.source[STEP][row];
  }

  /** Appends the slot's row unless its step is `previous` (a row already written); returns the last step written. */
  private emitRow(slot: number, row: number, previous: number): number {
    const step = this.stepOf(slot, row);
    if (step === previous) return previous;
    if (row === SAVED) this.out.appendValues(this.slots, slot * COLUMNS);
    else this.out.appendRow(this.source, row);
    return step;
  }
}

/** The M4 rows of all of `source` under `plan`: the stream's result in one call (tests and history). */
export function m4Of(source: StepRows, key: SeriesColumn, plan: BucketPlan): M4Rows {
  const stream = new M4Stream(key, plan);
  stream.push(source);
  return stream.take().rows;
}
