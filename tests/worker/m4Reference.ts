// The M4 stream as it was first written (src/worker/m4.ts before its fast
// paths): each row copied into the open bucket's slots as it becomes an
// extreme, every bucket closed through the same slots, one row at a time. Kept
// here as the oracle the fast stream must match bit for bit.
import { createStepRecords, SERIES_COLUMNS, type SeriesColumn, type SeriesRecords } from '../../src/core/records.ts';
import { higher, lower, type BucketPlan } from '../../src/worker/m4.ts';
import type { StepRows } from '../../src/worker/m4Rows.ts';

const COLUMNS = SERIES_COLUMNS.length;
// Slots of the open bucket: the row that came first, the lowest, the highest and the latest.
const FIRST = 0;
const LOW = 1;
const HIGH = 2;
const LAST = 3;
// The open bucket's slots in step order: the first and last are fixed, the lowest and highest in either order.
const LOW_FIRST = [FIRST, LOW, HIGH, LAST] as const;
const HIGH_FIRST = [FIRST, HIGH, LOW, LAST] as const;

export class ReferenceM4Stream {
  private out: SeriesRecords;
  /** The open bucket's four rows, COLUMNS values each, in SERIES_COLUMNS order. */
  private readonly slots = new Float64Array(4 * COLUMNS);
  private isOpen = false;
  /** Last step of the open bucket. */
  private openEnd = 0;
  private lowValue = NaN;
  private highValue = NaN;
  private segment = 0;

  constructor(
    readonly key: SeriesColumn,
    readonly plan: BucketPlan,
    initialRows = 256,
  ) {
    this.out = createStepRecords(initialRows);
  }

  /** Complete buckets' rows not yet taken. */
  get completeRows(): number {
    return this.out.length;
  }

  /** Rows the open bucket would add now (0 when none is open). */
  get openRows(): number {
    if (!this.isOpen) return 0;
    const s = this.slots;
    const first = s[FIRST * COLUMNS];
    const low = s[LOW * COLUMNS];
    const high = s[HIGH * COLUMNS];
    const last = s[LAST * COLUMNS];
    let rows = 1;
    if (low !== first) rows++;
    if (high !== first && high !== low) rows++;
    if (last !== first && last !== low && last !== high) rows++;
    return rows;
  }

  /** Buckets closed since the stream began. */
  closedBuckets = 0;

  /** Last step of the open bucket (0 when none is open). */
  get openUntil(): number {
    return this.isOpen ? this.openEnd : 0;
  }

  /** Feeds rows from … to − 1 of `source`; their steps must come after every step fed so far. */
  push(source: StepRows, from = 0, to = source.length): void {
    const keyColumn = source[this.key];
    const stepColumn = source.step;
    let row = from;
    while (row < to) {
      if (!this.isOpen) {
        this.open(source, row, stepColumn[row]);
        if (stepColumn[row++] >= this.openEnd) this.close();
        continue;
      }
      // The rest of the open bucket in this block: only new extremes are copied, and the last row once.
      const end = this.openEnd;
      let low = this.lowValue;
      let high = this.highValue;
      let last = row;
      let closes = false;
      for (; row < to; row++) {
        const value = keyColumn[row];
        if (lower(value, low)) {
          this.store(LOW, source, row);
          low = value;
        }
        if (higher(value, high)) {
          this.store(HIGH, source, row);
          high = value;
        }
        last = row;
        if (stepColumn[row] >= end) {
          closes = true;
          row++;
          break;
        }
      }
      this.lowValue = low;
      this.highValue = high;
      this.store(LAST, source, last);
      if (closes) this.close();
    }
  }

  /** The complete buckets' rows so far (not taken), then the open bucket's rows written just past them. */
  rowsWithOpen(): { rows: SeriesRecords; open: number } {
    const open = this.openRows;
    const need = this.out.length + open;
    if (need > this.out.capacity) this.grow(need);
    const length = this.out.length;
    this.emitOpen(this.out);
    this.out.length = length;
    return { rows: this.out, open };
  }

  /**
   * Hands over the complete buckets' rows since the last take, then the open
   * bucket's rows (the last `open` of them), and starts collecting afresh.
   */
  take(): { rows: SeriesRecords; open: number } {
    const open = this.openRows;
    const rows = createStepRecords(this.out.length + open);
    for (const name of SERIES_COLUMNS) rows[name].set(this.out[name].subarray(0, this.out.length));
    rows.length = this.out.length;
    if (open) this.emitOpen(rows);
    this.out.length = 0;
    return { rows, open };
  }

  private open(source: StepRows, row: number, step: number): void {
    for (let slot = 0; slot < 4; slot++) this.store(slot, source, row);
    this.lowValue = this.highValue = source[this.key][row];
    this.openEnd = this.bucketEnd(step);
    this.isOpen = true;
  }

  /** The last step of the bucket that holds `step`. */
  private bucketEnd(step: number): number {
    const plan = this.plan;
    while (this.segment < plan.length - 1 && step > plan[this.segment].end) this.segment++;
    const { start, end, width } = plan[this.segment];
    return Math.min(end, start + Math.ceil((step - start) / width) * width);
  }

  private store(slot: number, source: StepRows, row: number): void {
    const s = this.slots;
    const at = slot * COLUMNS;
    s[at] = source.step[row];
    s[at + 1] = source.epoch[row];
    s[at + 2] = source.w1[row];
    s[at + 3] = source.w2[row];
    s[at + 4] = source.batchLoss[row];
    s[at + 5] = source.loss[row];
    s[at + 6] = source.valLoss[row];
  }

  private close(): void {
    const need = this.out.length + this.openRows;
    if (need > this.out.capacity) this.grow(need);
    this.emitOpen(this.out);
    this.isOpen = false;
    this.closedBuckets++;
  }

  private grow(need: number): void {
    const next = createStepRecords(Math.max(need, this.out.capacity * 2));
    for (const name of SERIES_COLUMNS) next[name].set(this.out[name].subarray(0, this.out.length));
    next.length = this.out.length;
    this.out = next;
  }

  /** Appends the open bucket's distinct rows to `target`, in step order. */
  private emitOpen(target: SeriesRecords): void {
    const s = this.slots;
    const low = s[LOW * COLUMNS];
    const high = s[HIGH * COLUMNS];
    const order = low <= high ? LOW_FIRST : HIGH_FIRST;
    let previous = NaN;
    for (const slot of order) {
      const at = slot * COLUMNS;
      if (s[at] === previous) continue;
      previous = s[at];
      const row = target.length++;
      for (let c = 0; c < COLUMNS; c++) target[SERIES_COLUMNS[c]][row] = s[at + c];
    }
  }
}
