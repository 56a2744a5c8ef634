// M4 thinning of a step series as a stream: steps are grouped into buckets of
// consecutive steps, and each bucket keeps the rows (all step columns) of its
// first, lowest, highest and last value of a key column, so a line drawn from
// the kept rows covers exactly the pixels the full line would when a bucket is
// at most a pixel wide. Buckets are aligned: with width w, bucket j of a
// segment that starts after step s holds steps s + j·w + 1 … s + (j + 1)·w.
// Because M4 of M4 rows is M4 of the steps (for buckets that nest), the same
// stream fed the rows of a finer aligned level gives exactly what it would give
// fed every step: that is how the worker answers a new view from its pyramid.
import { createStepRecords, STEP_COLUMNS, type StepColumn, type StepRecords } from '../core/records.ts';

/** Rows in step order: the step columns, rows 0 … length − 1 (StepRecords fits). */
export type StepRows = { readonly length: number } & { readonly [K in StepColumn]: Float64Array };

// Orders that make NaN the worst candidate for both the lowest and the highest
// value: a total preorder, so "first best" is well defined and merges stay exact.
export function lower(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}
export function higher(a: number, b: number): boolean {
  return a > b || (b !== b && a === a);
}

/** Steps after `start` (up to `end`, inclusive) go in buckets of `width` steps. */
export interface BucketSegment {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

/** Segments in step order, each starting where the previous ends; the last ends at Infinity. */
export type BucketPlan = readonly BucketSegment[];

const COLUMNS = STEP_COLUMNS.length;
// Slots of the open bucket: the row that came first, the lowest, the highest and the latest.
const FIRST = 0;
const LOW = 1;
const HIGH = 2;
const LAST = 3;

export class M4Stream {
  private out: StepRecords = createStepRecords(256);
  /** The open bucket's four rows, COLUMNS values each, in STEP_COLUMNS order. */
  private readonly slots = new Float64Array(4 * COLUMNS);
  private isOpen = false;
  /** Last step of the open bucket. */
  private openEnd = 0;
  private lowValue = NaN;
  private highValue = NaN;
  private segment = 0;

  constructor(
    readonly key: StepColumn,
    readonly plan: BucketPlan,
  ) {}

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

  /** Feeds rows from … to − 1 of `source`; their steps must come after every step fed so far. */
  push(source: StepRows, from = 0, to = source.length): void {
    const keyColumn = source[this.key];
    const stepColumn = source.step;
    for (let row = from; row < to; row++) {
      const step = stepColumn[row];
      if (!this.isOpen) {
        this.open(source, row, step);
      } else {
        const value = keyColumn[row];
        if (lower(value, this.lowValue)) {
          this.store(LOW, source, row);
          this.lowValue = value;
        }
        if (higher(value, this.highValue)) {
          this.store(HIGH, source, row);
          this.highValue = value;
        }
        this.store(LAST, source, row);
      }
      if (step >= this.openEnd) this.close();
    }
  }

  /**
   * Hands over the complete buckets' rows since the last take, then the open
   * bucket's rows (the last `open` of them), and starts collecting afresh.
   */
  take(): { rows: StepRecords; open: number } {
    const open = this.openRows;
    const rows = createStepRecords(this.out.length + open);
    for (const name of STEP_COLUMNS) rows[name].set(this.out[name].subarray(0, this.out.length));
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
  }

  private close(): void {
    if (this.out.length + 4 > this.out.capacity) {
      const next = createStepRecords(this.out.capacity * 2);
      for (const name of STEP_COLUMNS) next[name].set(this.out[name].subarray(0, this.out.length));
      next.length = this.out.length;
      this.out = next;
    }
    this.emitOpen(this.out);
    this.isOpen = false;
  }

  /** Appends the open bucket's distinct rows to `target`, in step order. */
  private emitOpen(target: StepRecords): void {
    const s = this.slots;
    const low = s[LOW * COLUMNS];
    const high = s[HIGH * COLUMNS];
    const order = low <= high ? [FIRST, LOW, HIGH, LAST] : [FIRST, HIGH, LOW, LAST];
    let previous = NaN;
    for (const slot of order) {
      const at = slot * COLUMNS;
      if (s[at] === previous) continue;
      previous = s[at];
      const row = target.length++;
      for (let c = 0; c < COLUMNS; c++) target[STEP_COLUMNS[c]][row] = s[at + c];
    }
  }
}

/** The M4 rows of all of `source` under `plan`: the stream's result in one call (tests and history). */
export function m4Of(source: StepRows, key: StepColumn, plan: BucketPlan): StepRecords {
  const stream = new M4Stream(key, plan);
  stream.push(source);
  return stream.take().rows;
}
