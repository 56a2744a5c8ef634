// Every epoch end of a run, never thinned: at most MAX_EPOCHS rows (a few MB),
// and the epoch panels need each one. Columns double when full.
import { EPOCH_COLUMNS, type EpochColumn, type EpochRecords } from '../core/records.ts';

type MutableColumns = { [K in EpochColumn]: Float64Array };

const FIRST_ALLOCATION = 64;

function allocate(capacity: number): MutableColumns {
  const columns = {} as MutableColumns;
  for (const name of EPOCH_COLUMNS) columns[name] = new Float64Array(capacity);
  return columns;
}

export class EpochLog implements EpochRecords {
  private columns = allocate(FIRST_ALLOCATION);
  private rows = 0;

  get length(): number {
    return this.rows;
  }
  get capacity(): number {
    return this.columns.epoch.length;
  }
  get epoch(): Float64Array {
    return this.columns.epoch;
  }
  get step(): Float64Array {
    return this.columns.step;
  }
  get loss(): Float64Array {
    return this.columns.loss;
  }
  get meanBatchLoss(): Float64Array {
    return this.columns.meanBatchLoss;
  }
  get w1(): Float64Array {
    return this.columns.w1;
  }
  get w2(): Float64Array {
    return this.columns.w2;
  }

  clear(): void {
    this.rows = 0;
    this.columns = allocate(FIRST_ALLOCATION);
  }

  /** Appends rows 0 … length − 1 of `source`. */
  append(source: { readonly length: number } & { readonly [K in EpochColumn]: Float64Array }): void {
    const need = this.rows + source.length;
    if (need > this.capacity) {
      const next = allocate(Math.max(need, this.capacity * 2));
      for (const name of EPOCH_COLUMNS) next[name].set(this.columns[name].subarray(0, this.rows));
      this.columns = next;
    }
    for (const name of EPOCH_COLUMNS) this.columns[name].set(source[name].subarray(0, source.length), this.rows);
    this.rows = need;
  }
}
