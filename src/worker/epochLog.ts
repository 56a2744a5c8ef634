// Every epoch end of a run, never thinned: at most MAX_EPOCHS rows (a few MB),
// and the epoch panels need each one. Columns double when full.
import { EPOCH_COLUMNS, VAL_LOSS_COLUMN, type EpochColumn, type EpochRecords, type ValLossColumn } from '../core/records.ts';

// valLoss is kept beside the drawn columns: NaN in rows whose source had none (a run without a validation set).
const ALL_COLUMNS = [...EPOCH_COLUMNS, VAL_LOSS_COLUMN] as const;
type MutableColumns = { [K in EpochColumn | ValLossColumn]: Float64Array };

const FIRST_ALLOCATION = 64;

function copy(from: Float64Array, to: Float64Array, at: number, count: number): void {
  for (let i = 0; i < count; i++) to[at + i] = from[i];
}

function allocate(capacity: number): MutableColumns {
  const columns = {} as MutableColumns;
  for (const name of EPOCH_COLUMNS) columns[name] = new Float64Array(capacity);
  columns[VAL_LOSS_COLUMN] = new Float64Array(capacity).fill(NaN);
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
  /** The validation loss at each epoch's end; NaN where the run has no validation set. */
  get valLoss(): Float64Array {
    return this.columns.valLoss;
  }

  clear(): void {
    this.rows = 0;
    this.columns = allocate(FIRST_ALLOCATION);
  }

  /** Appends rows 0 … length − 1 of `source` (valLoss NaN when it has none). */
  append(source: { readonly length: number } & { readonly [K in EpochColumn]: Float64Array } & { readonly [K in ValLossColumn]?: Float64Array }): void {
    const need = this.rows + source.length;
    if (need > this.capacity) {
      const next = allocate(Math.max(need, this.capacity * 2));
      for (const name of ALL_COLUMNS) next[name].set(this.columns[name].subarray(0, this.rows));
      this.columns = next;
    }
    // A row or two at a time while training: copied by hand, as subarray() would allocate a view per column.
    const count = source.length;
    const at = this.rows;
    for (const name of EPOCH_COLUMNS) copy(source[name], this.columns[name], at, count);
    const { valLoss } = source;
    if (valLoss) copy(valLoss, this.columns.valLoss, at, count);
    else this.columns.valLoss.fill(NaN, at, need);
    this.rows = need;
  }
}
