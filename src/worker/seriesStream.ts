// One thinned series of a run as the page holds it: the M4 stream of the
// current view, and how many of its rows the page already has for good. A
// new plan (the view changed, or the run outgrew the resolution) starts a new
// revision, which the page takes as "replace", not "append".
import type { SeriesColumn } from '../core/records.ts';
import { M4Stream, type BucketPlan } from './m4.ts';
import type { StepRows } from './m4Rows.ts';
import type { SeriesDelta } from './protocol.ts';

export class SeriesStream {
  private stream: M4Stream;
  private revisionNumber = 0;
  /** Rows the page holds that no later delta of this revision changes. */
  private stable = 0;

  constructor(readonly key: SeriesColumn) {
    this.stream = new M4Stream(key, [{ start: 0, end: Infinity, width: 1 }]);
  }

  get revision(): number {
    return this.revisionNumber;
  }

  get plan(): BucketPlan {
    return this.stream.plan;
  }

  /** Rows came in, or a new revision began, since the last take. */
  private dirty = true;

  get changed(): boolean {
    return this.dirty;
  }

  /** Starts a new revision with a stream already fed the run's history under its plan. */
  replace(stream: M4Stream): void {
    this.stream = stream;
    this.revisionNumber++;
    this.stable = 0;
    this.dirty = true;
  }

  push(source: StepRows, from: number, to: number): void {
    if (to <= from) return;
    this.stream.push(source, from, to);
    this.dirty = true;
  }

  /** What the page lacks; its buffers are new, for the transfer list. */
  take(): SeriesDelta {
    const { rows, open } = this.stream.take();
    const delta: SeriesDelta = { revision: this.revisionNumber, keep: this.stable, open, rows };
    this.stable += rows.length - open;
    this.dirty = false;
    return delta;
  }
}
