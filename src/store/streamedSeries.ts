// One thinned series of a run as the page holds it: the rows the worker sent
// for the current view (M4 buckets at the view's resolution), in step order.
// Each delta keeps a prefix and appends; a new revision replaces the lot. The
// rows before `stable` do not change within a revision, so a chart can paint
// only what is new (see SeriesView in runTypes.ts).
import { SERIES_COLUMNS, type SeriesColumn } from '../core/records.ts';
import type { SeriesDelta } from '../worker/protocol.ts';
import type { SeriesView } from './runTypes.ts';

type MutableColumns = { [K in SeriesColumn]: Float64Array };

const FIRST_ALLOCATION = 256;

function allocate(capacity: number): MutableColumns {
  const columns = {} as MutableColumns;
  for (const name of SERIES_COLUMNS) columns[name] = new Float64Array(capacity);
  return columns;
}

export class StreamedSeries implements SeriesView {
  private columns = allocate(FIRST_ALLOCATION);
  private rows = 0;
  /** Counts replacements here (deltas of a new revision, clears), so it never repeats across worker sessions. */
  private revisionNumber = 0;
  /** The worker's revision of the rows held (−1: none yet in this session). */
  private workerRevision = -1;
  private stableRows = 0;

  get length(): number {
    return this.rows;
  }
  get revision(): number {
    return this.revisionNumber;
  }
  get stable(): number {
    return this.stableRows;
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
  /** The validation loss at each row's step (NaN without a validation set). */
  get valLoss(): Float64Array {
    return this.columns.valLoss;
  }
  /** Bytes held by the columns. */
  get byteSize(): number {
    return this.columns.step.byteLength * SERIES_COLUMNS.length;
  }

  /** Back to no rows, as before the first delta (the run is at step 0 again). */
  clear(): void {
    this.columns = allocate(FIRST_ALLOCATION);
    this.rows = 0;
    this.stableRows = 0;
    this.revisionNumber++;
    this.workerRevision = -1;
  }

  /**
   * Applies a delta from the worker. Returns false, changing nothing, when it
   * does not follow what is held (a keep beyond the rows, or a revision that
   * goes back): the worker and page disagree, which the caller reports.
   */
  apply(delta: SeriesDelta): boolean {
    const replaced = delta.revision !== this.workerRevision;
    if (replaced ? delta.revision < this.workerRevision || delta.keep !== 0 : delta.keep > this.rows) return false;
    const { rows } = delta;
    const length = delta.keep + rows.length;
    if (replaced) {
      // A new revision reallocates to its own size, so a zoom out gives back the memory a zoom in took.
      this.columns = allocate(Math.max(FIRST_ALLOCATION, length * 2));
      this.workerRevision = delta.revision;
      this.revisionNumber++;
    } else if (length > this.columns.step.length) {
      const next = allocate(Math.max(length, this.columns.step.length * 2));
      for (const name of SERIES_COLUMNS) next[name].set(this.columns[name].subarray(0, delta.keep));
      this.columns = next;
    }
    for (const name of SERIES_COLUMNS) this.columns[name].set(rows[name].subarray(0, rows.length), delta.keep);
    this.rows = length;
    this.stableRows = length - delta.open;
    return true;
  }
}
