// Level-of-detail storage for a run's per-step rows, bounded in memory however
// long the run: the finest level of the worker's pyramid. Every step is kept
// while the rows fit; after that the steps are grouped into buckets of W
// consecutive steps, each keeping the rows (all series columns) of its first,
// lowest, highest and last value of a key column — M4 (m4.ts) — so a line
// drawn from the kept rows covers exactly the pixels the full line would.
// When the buckets run out, W doubles: the kept rows are thinned again at 2W,
// and since the M4 of nested buckets' rows is the M4 of their steps, thinning
// never drifts. Coarser levels are the same merge done on demand for a view
// (replay.ts historyStreams), so they need no storage of their own.
import type { SeriesColumn } from '../core/records.ts';
import { M4Stream } from './m4.ts';
import { M4_COLUMNS, type M4Rows, type StepRows } from './m4Rows.ts';

/**
 * 8,192 buckets of at most 4 rows: 32,768 rows × 7 columns (M4_COLUMNS) × 8 B ≈ 1.8 MB per
 * series, two series per run (three with a validation set). The page never holds these: it gets the M4 of
 * them at its view's resolution, and a zoom finer than this level is replayed
 * from a checkpoint.
 */
export const LOD_ROW_CAPACITY = 32_768;
const FIRST_ALLOCATION = 1_024;

function streamOf(key: SeriesColumn, width: number, rows: number | M4Rows): M4Stream {
  return new M4Stream(key, [{ start: 0, end: Infinity, width }], rows);
}

export class LodSeries implements StepRows {
  private stream: M4Stream;
  private width = 1;
  private appendedRows = 0;
  /** The rows as last exposed (complete buckets, then the open one), refreshed after each change. */
  private view: { rows: M4Rows; open: number };

  /**
   * @param key the column whose extremes each bucket keeps
   * @param rowCapacity the most rows ever held; a multiple of 8 (buckets of 1, 2, then 4 rows must divide it)
   */
  constructor(
    readonly key: SeriesColumn,
    readonly rowCapacity = LOD_ROW_CAPACITY,
  ) {
    if (!Number.isInteger(rowCapacity) || rowCapacity < 8 || rowCapacity % 8 !== 0) {
      throw new RangeError(`rowCapacity must be a multiple of 8, got ${rowCapacity}`);
    }
    this.stream = streamOf(key, 1, Math.min(rowCapacity, FIRST_ALLOCATION));
    this.view = this.stream.rowsWithOpen();
  }

  /** Rows held, sorted by step. Columns hold at least this many entries. */
  get length(): number {
    return this.view.rows.length + this.view.open;
  }
  get step(): Float64Array {
    return this.view.rows.step;
  }
  get epoch(): Float64Array {
    return this.view.rows.epoch;
  }
  get w1(): Float64Array {
    return this.view.rows.w1;
  }
  get w2(): Float64Array {
    return this.view.rows.w2;
  }
  get batchLoss(): Float64Array {
    return this.view.rows.batchLoss;
  }
  get loss(): Float64Array {
    return this.view.rows.loss;
  }
  get valLoss(): Float64Array {
    return this.view.rows.valLoss;
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
    return this.view.rows.capacity * Float64Array.BYTES_PER_ELEMENT * M4_COLUMNS.length;
  }

  /** Index of the first row whose step is greater than `step` (length when none). */
  rowAfter(step: number): number {
    const steps = this.step;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (steps[mid] <= step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clear(): void {
    this.width = 1;
    this.appendedRows = 0;
    this.stream = streamOf(this.key, 1, Math.min(this.rowCapacity, FIRST_ALLOCATION));
    this.view = this.stream.rowsWithOpen();
  }

  /** Appends rows from … to − 1 of `source`: one row per step, continuing the steps already appended. */
  append(source: StepRows, from = 0, to = source.length): void {
    let row = from;
    while (row < to) {
      // Buckets the current width allows: every row while buckets hold 1 or 2 steps, else 4 rows per bucket.
      const openUntil = this.stream.openUntil;
      const newBuckets = this.rowCapacity / Math.min(this.width, 4) - this.stream.closedBuckets - (openUntil > 0 ? 1 : 0);
      // The rest of the open bucket, then as many new buckets as are allowed: never more buckets than that.
      const take = Math.min(to - row, (openUntil > 0 ? openUntil - source.step[row] + 1 : 0) + newBuckets * this.width);
      if (take <= 0) {
        this.coarsen();
        continue;
      }
      this.stream.push(source, row, row + take);
      row += take;
    }
    this.appendedRows += to - from;
    this.view = this.stream.rowsWithOpen();
  }

  /** Doubles the bucket width: the rows kept so far are thinned again at twice the width. */
  private coarsen(): void {
    const { rows, open } = this.stream.rowsWithOpen();
    const count = rows.length + open;
    this.width *= 2;
    // In place (see M4Stream's constructor): no second buffer of the level, and the rows stay in cache.
    const next = streamOf(this.key, this.width, rows);
    next.push(rows, 0, count);
    this.stream = next;
  }
}
