// The rows an M4 stream (m4.ts) reads and writes: column-wise, every column a
// Float64Array, in M4_COLUMNS order. The streams reach the columns through
// arrays taken once per push or when a buffer grows, so their per-row loops
// never look a column up by name, and a column added to M4_COLUMNS is carried
// everywhere with no other change.
import { SERIES_COLUMNS } from '../core/records.ts';

/**
 * The columns every M4 row carries, in this order: core's series columns (the
 * run's whole state at the step, valLoss included), so any series' rows can be
 * drawn and read back. The streams, the pyramid and the chunks' transfer list
 * all follow this one list.
 */
export const M4_COLUMNS = SERIES_COLUMNS;
export type M4Column = (typeof M4_COLUMNS)[number];
export const COLUMN_COUNT = M4_COLUMNS.length;
/** Where the step is among the columns. */
export const STEP_COLUMN = M4_COLUMNS.indexOf('step');

/** Rows in step order: the M4 columns, rows 0 … length − 1 (what createStepRecords makes fits). */
export type StepRows = { readonly length: number } & { readonly [K in M4Column]: Float64Array };

/** Rows a stream writes: exactly the M4 columns, `capacity` entries each (a SeriesRecords). */
export type M4Rows = { length: number; readonly capacity: number } & { readonly [K in M4Column]: Float64Array };

/** Stands in for a column not held (so a stream keeps no source alive between pushes). */
export const NO_ROWS = new Float64Array(0);

/** Fresh rows, each column a buffer of its own (so a chunk can transfer them). */
export function createM4Rows(capacity: number): M4Rows {
  const rows: Record<string, unknown> = { length: 0, capacity };
  for (const name of M4_COLUMNS) rows[name] = new Float64Array(capacity);
  return rows as M4Rows;
}

/** The columns of `rows` in M4_COLUMNS order, written into `into`. */
export function columnsOf(rows: StepRows, into: Float64Array[]): Float64Array[] {
  for (let c = 0; c < COLUMN_COUNT; c++) into[c] = rows[M4_COLUMNS[c]];
  return into;
}

/** Rows appended in order to a buffer that doubles when full. */
export class RowBuffer {
  rows: M4Rows;
  /** rows' columns in M4_COLUMNS order (the same array always; its entries change when the buffer grows). */
  readonly columns: Float64Array[] = Array.from({ length: COLUMN_COUNT }, () => NO_ROWS);

  /** @param rows room for this many rows, or rows to write over from row 0 on */
  constructor(rows: number | M4Rows) {
    this.rows = typeof rows === 'number' ? createM4Rows(rows) : rows;
    this.rows.length = 0;
    columnsOf(this.rows, this.columns);
  }

  /** Makes room for `need` rows in all. */
  reserve(need: number): void {
    if (need <= this.rows.capacity) return;
    const next = createM4Rows(Math.max(need, this.rows.capacity * 2));
    const { columns } = this;
    for (let c = 0; c < COLUMN_COUNT; c++) next[M4_COLUMNS[c]].set(columns[c].subarray(0, this.rows.length));
    next.length = this.rows.length;
    this.rows = next;
    columnsOf(next, columns);
  }

  /** Appends source rows from … to − 1 whole. */
  appendRange(source: readonly Float64Array[], from: number, to: number): void {
    const length = this.rows.length;
    const need = length + to - from;
    this.reserve(need);
    const { columns } = this;
    if (to - from <= 8) {
      for (let c = 0; c < COLUMN_COUNT; c++) {
        const target = columns[c];
        const column = source[c];
        for (let row = from, at = length; row < to; row++, at++) target[at] = column[row];
      }
    } else {
      for (let c = 0; c < COLUMN_COUNT; c++) columns[c].set(source[c].subarray(from, to), length);
    }
    this.rows.length = need;
  }

  /** Appends source rows a ≤ b ≤ c ≤ d, a row number that repeats the one before it once only, each column in one go. */
  appendDistinct(source: readonly Float64Array[], a: number, b: number, c: number, d: number): void {
    const count = 1 + (b !== a ? 1 : 0) + (c !== b ? 1 : 0) + (d !== c ? 1 : 0);
    const at = this.rows.length;
    this.reserve(at + count);
    const { columns } = this;
    for (let k = 0; k < COLUMN_COUNT; k++) {
      const target = columns[k];
      const column = source[k];
      let i = at;
      target[i++] = column[a];
      if (b !== a) target[i++] = column[b];
      if (c !== b) target[i++] = column[c];
      if (d !== c) target[i] = column[d];
    }
    this.rows.length = at + count;
  }

  /** Appends one row: source row `row` (room must have been made). */
  appendRow(source: readonly Float64Array[], row: number): void {
    const at = this.rows.length++;
    const { columns } = this;
    for (let c = 0; c < COLUMN_COUNT; c++) columns[c][at] = source[c][row];
  }

  /** Appends one row: COLUMN_COUNT values of `values` from `offset` on (room must have been made). */
  appendValues(values: Float64Array, offset: number): void {
    const at = this.rows.length++;
    const { columns } = this;
    for (let c = 0; c < COLUMN_COUNT; c++) columns[c][at] = values[offset + c];
  }

  /**
   * The first `length` rows in new buffers exactly that long (for a transfer);
   * the buffer is emptied, and keeps room for `firstRows` rows only if it had
   * more than `keepRows` (a peak need not be held on to).
   */
  takeCopy(length: number, firstRows: number, keepRows: number): M4Rows {
    const copy = createM4Rows(length);
    for (let c = 0; c < COLUMN_COUNT; c++) copy[M4_COLUMNS[c]].set(this.columns[c].subarray(0, length));
    copy.length = length;
    this.rows.length = 0;
    if (this.rows.capacity > keepRows) {
      this.rows = createM4Rows(firstRows);
      columnsOf(this.rows, this.columns);
    }
    return copy;
  }
}
