// Drives a TrainingRunner on fake time and keeps what it posts, cloned with
// the transfer list as postMessage would (which also proves the chunks are
// transferable: a buffer listed twice or a non-transferable would throw).
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import type { EpochColumn, SeriesColumn } from '../../src/core/records.ts';
import { StreamedSeries } from '../../src/store/streamedSeries.ts';
import type { InMessage, OutMessage, RunChunk, RunConfig } from '../../src/worker/protocol.ts';
import { TrainingRunner, type RunnerOptions } from '../../src/worker/runner.ts';
import { FakeScheduler } from './fakeScheduler.ts';

export const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  w0: [...DEFAULT_SETTINGS.w0] as [number, number],
  ...patch,
});

/** The bytes of a column, so doubles compare bit for bit (NaN and -0 included). */
export function bytes(column: Float64Array | number[]): Uint8Array {
  const array = column instanceof Float64Array ? column : Float64Array.from(column);
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export interface Posted {
  at: number;
  message: OutMessage;
}

export class Harness {
  readonly scheduler: FakeScheduler;
  readonly runner: TrainingRunner;
  readonly posted: Posted[] = [];

  constructor(costPerRead = 0.01, options: Partial<RunnerOptions> = {}) {
    this.scheduler = new FakeScheduler(costPerRead);
    this.runner = new TrainingRunner({
      post: (message, transfer) => {
        this.posted.push({ at: this.scheduler.time, message: structuredClone(message, { transfer }) });
      },
      scheduler: this.scheduler,
      // Fake time costs per clock read, not per step: small rounds keep the steps per fake millisecond realistic.
      maxRoundSteps: 64,
      ...options,
    });
  }

  send(message: InMessage | unknown): void {
    this.runner.handle(message);
  }

  configure(runs: RunConfig[], session = 1): void {
    this.send({ type: 'configure', session, runs });
  }

  chunks(): { at: number; runs: RunChunk[] }[] {
    return this.posted.flatMap((p) => (p.message.type === 'chunk' ? [{ at: p.at, runs: p.message.runs }] : []));
  }

  statuses(): Extract<OutMessage, { type: 'status' }>[] {
    return this.posted.flatMap((p) => (p.message.type === 'status' ? [p.message] : []));
  }

  lastStatus(): Extract<OutMessage, { type: 'status' }> {
    const all = this.statuses();
    return all[all.length - 1];
  }

  errors(): string[] {
    return this.posted.flatMap((p) => (p.message.type === 'error' ? [p.message.message] : []));
  }

  /** The latest cursor step of a run over all chunks so far. */
  stepOf(id: string): number {
    let step = 0;
    for (const chunk of this.chunks()) for (const run of chunk.runs) if (run.id === id) step = run.cursor.step;
    return step;
  }

  /** A run's series as the page would hold it after every chunk so far (the last session's, when it changed). */
  series(id: string, key: 'loss' | 'batchLoss' | 'valLoss' = 'loss'): StreamedSeries {
    const series = new StreamedSeries();
    let session = -1;
    for (const p of this.posted) {
      if (p.message.type !== 'chunk') continue;
      if (p.message.session !== session) series.clear();
      session = p.message.session;
      for (const run of p.message.runs) {
        if (run.id !== id) continue;
        const delta = run[key];
        if (!delta) throw new Error(`a chunk of run ${id} has no ${key} series`);
        if (!series.apply(delta)) throw new Error(`a ${key} delta of run ${id} does not follow`);
      }
    }
    return series;
  }

  /** One column of a run's loss series as the page holds it. */
  column(id: string, name: SeriesColumn, key: 'loss' | 'batchLoss' | 'valLoss' = 'loss'): number[] {
    const series = this.series(id, key);
    return Array.from(series[name].subarray(0, series.length));
  }

  /** Every epoch row of a run, over all chunks, as one column. */
  epochColumn(id: string, name: EpochColumn): number[] {
    return this.chunks().flatMap((c) => c.runs.filter((r) => r.id === id).flatMap((r) => Array.from(r.epochs[name].subarray(0, r.epochs.length))));
  }

  /** Advances fake time until the run's status is final or the limit passes. */
  runUntilSettled(limitMs: number): void {
    const end = this.scheduler.time + limitMs;
    while (this.scheduler.time < end) {
      this.scheduler.advance(16);
      const status = this.lastStatus()?.status;
      if ((status === 'done' || status === 'diverged' || status === 'error') && this.scheduler.pendingTimers === 0) return;
    }
  }
}
