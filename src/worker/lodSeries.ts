// Level-of-detail storage for a run's per-step rows, bounded in memory however
// long the run. Every step is kept while the rows fit; after that the steps are
// grouped into buckets of W consecutive steps, and each bucket keeps the rows
// (all step columns) of the first, the lowest, the highest and the last value
// of a key column — M4, as uPlot and others thin time series — so a line drawn
// from the kept rows covers exactly the pixels the full line would. When the
// buckets run out, W doubles and neighbours merge; the M4 of two buckets' kept
// rows is exactly the M4 of all their steps, so thinning never drifts.
//
// This is the finest level of the worker's pyramid: coarser levels are the
// M4 of its buckets taken two, four, … at a time (m4Stream.ts), which is
// exactly the M4 of the steps themselves.
import { STEP_COLUMNS, type StepColumn } from '../core/records.ts';
import { higher, lower, type StepRows } from './m4.ts';

/**
 * 8,192 buckets of at most 4 rows: 32,768 rows × 6 columns × 8 B ≈ 1.6 MB per
 * series, two series per run. The page never holds these: it gets the M4 of
 * them at its view's resolution, and a zoom finer than this level is replayed
 * from a checkpoint.
 */
export const LOD_ROW_CAPACITY = 32_768;
const FIRST_ALLOCATION = 1_024;

type MutableColumns = { [K in StepColumn]: Float64Array };

function allocate(capacity: number): MutableColumns {
  const columns = {} as MutableColumns;
  for (const name of STEP_COLUMNS) columns[name] = new Float64Array(capacity);
  return columns;
}

export class LodSeries implements StepRows {
  readonly key: StepColumn;
  readonly rowCapacity: number;

  private columns: MutableColumns;
  private rows = 0;
  private appendedRows = 0;
  private width = 1;
  private bucketCount = 0;
  /** Rows kept by each bucket (1 … min(width, 4)), in order. */
  private readonly bucketRows: Uint8Array;
  /** Steps still to come before the open bucket is complete. */
  private toNextBucket = 0;
  /** The open bucket: its first row and the rows of its lowest and highest key so far. */
  private openStart = 0;
  private lowest = 0;
  private highest = 0;
  private lowestValue = NaN;
  private highestValue = NaN;

  /**
   * @param key the column whose extremes each bucket keeps
   * @param rowCapacity the most rows ever held; a multiple of 8 (buckets of 1, 2, then 4 rows must divide it)
   */
  constructor(key: StepColumn, rowCapacity = LOD_ROW_CAPACITY) {
    if (!Number.isInteger(rowCapacity) || rowCapacity < 8 || rowCapacity % 8 !== 0) {
      throw new RangeError(`rowCapacity must be a multiple of 8, got ${rowCapacity}`);
    }
    this.key = key;
    this.rowCapacity = rowCapacity;
    this.columns = allocate(Math.min(rowCapacity, FIRST_ALLOCATION));
    this.bucketRows = new Uint8Array(rowCapacity);
  }

  /** Rows held, sorted by step. Columns hold at least this many entries. */
  get length(): number {
    return this.rows;
  }
  get step(): Float64Array {
    return this.columns.step;
  }
  get epoch(): Float64Array {
    return this.columns.epoch;
  }
  get w1(): Float64Array {
    return this.columns.w1;
  }
  get w2(): Float64Array {
    return this.columns.w2;
  }
  get batchLoss(): Float64Array {
    return this.columns.batchLoss;
  }
  get loss(): Float64Array {
    return this.columns.loss;
  }
  /** Consecutive steps per bucket; 1 while every step is kept. */
  get bucketWidth(): number {
    return this.width;
  }
  /** Rows appended since the last clear, kept or not. */
  get appended(): number {
    return this.appendedRows;
  }
  /** Bytes held by the columns. */
  get byteSize(): number {
    return this.columns.step.byteLength * STEP_COLUMNS.length;
  }

  /** Index of the first row whose step is greater than `step` (length when none). */
  rowAfter(step: number): number {
    const steps = this.columns.step;
    let lo = 0;
    let hi = this.rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (steps[mid] <= step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clear(): void {
    this.rows = 0;
    this.appendedRows = 0;
    this.width = 1;
    this.bucketCount = 0;
    this.toNextBucket = 0;
    this.columns = allocate(Math.min(this.rowCapacity, FIRST_ALLOCATION));
  }

  /** Appends rows from … to − 1 of `source`, which must continue the steps already appended. */
  append(source: StepRows, from = 0, to = source.length): void {
    for (let row = from; row < to; row++) {
      if (this.toNextBucket === 0) this.openBucket(source, row);
      else this.extendBucket(source, row);
      this.toNextBucket--;
      this.appendedRows++;
    }
  }

  /** Buckets the current width allows: every row while buckets hold 1 or 2 steps, else 4 rows per bucket. */
  private maxBuckets(): number {
    return this.rowCapacity / Math.min(this.width, 4);
  }

  private openBucket(source: StepRows, row: number): void {
    while (this.bucketCount >= this.maxBuckets()) this.mergePairs();
    if (this.rows === this.columns.step.length) this.grow();
    this.copyFrom(source, row, this.rows);
    this.bucketRows[this.bucketCount++] = 1;
    this.openStart = this.lowest = this.highest = this.rows;
    this.lowestValue = this.highestValue = source[this.key][row];
    this.toNextBucket = this.width;
    this.rows++;
  }

  /** Adds a row to the open (last) bucket, keeping only its M4 rows: first, lowest, highest, last (first wins ties). */
  private extendBucket(source: StepRows, row: number): void {
    // Read here rather than passed in: a double argument to a call V8 does not inline is boxed, one heap object per row.
    const value = source[this.key][row];
    const newLowest = lower(value, this.lowestValue);
    const newHighest = higher(value, this.highestValue);
    const last = this.rows - 1;
    if (!newLowest && !newHighest) {
      // The common case once buckets are wide: the new row only replaces the previous last row,
      // unless that row is also the bucket's first, lowest or highest.
      if (last !== this.openStart && last !== this.lowest && last !== this.highest) {
        this.copyFrom(source, row, last);
      } else {
        if (this.rows === this.columns.step.length) this.grow();
        this.copyFrom(source, row, this.rows++);
        this.bucketRows[this.bucketCount - 1]++;
      }
      return;
    }
    // The new row takes over as lowest and/or highest: keep the old rows still needed, in step order.
    const start = this.openStart;
    let write = start + 1;
    let lowest = newLowest ? -1 : this.lowest;
    let highest = newHighest ? -1 : this.highest;
    for (let i = start + 1; i <= last; i++) {
      if (i !== lowest && i !== highest) continue;
      this.moveRow(i, write);
      if (i === lowest) lowest = write;
      if (i === highest) highest = write;
      write++;
    }
    if (write === this.columns.step.length) this.grow();
    this.copyFrom(source, row, write);
    if (newLowest) {
      lowest = write;
      this.lowestValue = value;
    }
    if (newHighest) {
      highest = write;
      this.highestValue = value;
    }
    this.lowest = lowest;
    this.highest = highest;
    this.rows = write + 1;
    this.bucketRows[this.bucketCount - 1] = this.rows - start;
  }

  /** Doubles the bucket width: each pair of neighbouring buckets becomes the M4 of their rows. */
  private mergePairs(): void {
    const keyColumn = this.columns[this.key];
    let read = 0;
    let write = 0;
    let merged = 0;
    for (let b = 0; b < this.bucketCount; b += 2) {
      const end = read + this.bucketRows[b] + (b + 1 < this.bucketCount ? this.bucketRows[b + 1] : 0);
      let lowest = read;
      let highest = read;
      for (let i = read + 1; i < end; i++) {
        if (lower(keyColumn[i], keyColumn[lowest])) lowest = i;
        if (higher(keyColumn[i], keyColumn[highest])) highest = i;
      }
      const bucketStart = write;
      // Kept rows are copied forward in step order; write never passes read, so nothing is overwritten before it is read.
      for (let i = read; i < end; i++) {
        if (i === read || i === lowest || i === highest || i === end - 1) this.moveRow(i, write++);
      }
      this.bucketRows[merged++] = write - bucketStart;
      read = end;
    }
    this.bucketCount = merged;
    this.rows = write;
    this.width *= 2;
  }

  private grow(): void {
    const next = allocate(Math.min(this.rowCapacity, this.columns.step.length * 2));
    for (const name of STEP_COLUMNS) next[name].set(this.columns[name].subarray(0, this.rows));
    this.columns = next;
  }

  private copyFrom(source: StepRows, from: number, to: number): void {
    const c = this.columns;
    c.step[to] = source.step[from];
    c.epoch[to] = source.epoch[from];
    c.w1[to] = source.w1[from];
    c.w2[to] = source.w2[from];
    c.batchLoss[to] = source.batchLoss[from];
    c.loss[to] = source.loss[from];
  }

  private moveRow(from: number, to: number): void {
    if (from === to) return;
    const c = this.columns;
    c.step[to] = c.step[from];
    c.epoch[to] = c.epoch[from];
    c.w1[to] = c.w1[from];
    c.w2[to] = c.w2[from];
    c.batchLoss[to] = c.batchLoss[from];
    c.loss[to] = c.loss[from];
  }
}
