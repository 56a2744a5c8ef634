// Everything the runner sends to the page goes through here: chunks of
// records, statuses and errors. It remembers what went out and when, so the
// runner can pace chunks to frames, wait for acks, and skip repeated statuses.
import { createEpochRecords, EPOCH_COLUMNS, type EpochRecords } from '../core/records.ts';
import { M4_COLUMNS } from './m4Rows.ts';
import type { CursorSnapshot, OutMessage, RunChunk } from './protocol.ts';
import { cursorSnapshot } from './cursorSnapshot.ts';
import { hasNews, type RunSlot } from './runSlot.ts';
import { overallStatus, runStatusReports, type PlayState } from './runStatus.ts';

export type PostMessage = (message: OutMessage, transfer: ArrayBuffer[]) => void;

export class Outbox {
  private readonly post: PostMessage;
  /** With flowControl, each chunk waits for the page's ack of the one before. */
  private readonly flowControl: boolean;
  /** A chunk of this session was posted and the page has not acknowledged it yet. */
  private unacknowledged = false;
  /** When the last chunk went out, on the scheduler's clock. */
  private postedAt = Number.NEGATIVE_INFINITY;
  private lastStatusKey = '';

  constructor(post: PostMessage, flowControl: boolean) {
    this.post = post;
    this.flowControl = flowControl;
  }

  /** A new session: no ack is owed, and its first status is always posted. */
  startSession(): void {
    this.lastStatusKey = '';
    this.unacknowledged = false;
  }

  get lastPostAt(): number {
    return this.postedAt;
  }

  get awaitingAck(): boolean {
    return this.unacknowledged;
  }

  /** The page has drawn the last chunk. */
  acknowledge(): void {
    this.unacknowledged = false;
  }

  /** Posts what the page lacks of every run that has news (of every run, with everyRun). */
  postChunk(session: number, runs: readonly RunSlot[], now: number, everyRun: boolean): void {
    const chunks: RunChunk[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const slot of runs) {
      if (!everyRun && !hasNews(slot)) continue;
      const loss = slot.series.loss.take();
      const batchLoss = slot.series.batchLoss.take();
      const valLoss = slot.series.valLoss?.take();
      const epochs = newEpochs(slot);
      chunks.push({ id: slot.id, loss, batchLoss, ...(valLoss ? { valLoss } : {}), epochs, cursor: cursorSnapshot(slot.trainer) });
      slot.sentStep = slot.trainer.step;
      for (const delta of [loss, batchLoss, valLoss]) if (delta) for (const column of M4_COLUMNS) transfer.push(delta.rows[column].buffer as ArrayBuffer);
      for (const column of EPOCH_COLUMNS) transfer.push(epochs[column].buffer as ArrayBuffer);
      if (epochs.valLoss) transfer.push(epochs.valLoss.buffer as ArrayBuffer);
    }
    this.postedAt = now;
    this.unacknowledged = this.flowControl;
    this.post({ type: 'chunk', session, runs: chunks }, transfer);
  }

  /** Posts the status when it differs from the last one posted. */
  postStatus(session: number, runs: readonly RunSlot[], failure: string | null, playState: PlayState): void {
    const reports = runStatusReports(runs, failure, playState);
    const status = overallStatus(runs, failure, playState);
    const key = JSON.stringify([status, reports]);
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    const message: OutMessage = { type: 'status', session, status, runs: reports };
    if (failure !== null) message.message = failure;
    this.post(message, []);
  }

  postSeeked(session: number, request: number, id: string, state: CursorSnapshot | null, message: string | null): void {
    this.post({ type: 'seeked', session, request, id, state, message }, state ? [state.batch.buffer as ArrayBuffer] : []);
  }

  postHeartbeat(session: number): void {
    this.post({ type: 'heartbeat', session }, []);
  }

  postError(message: string): void {
    this.post({ type: 'error', message }, []);
  }
}

/** The epoch rows the page has not had yet, in columns exactly as long; valLoss only when the run has a validation set. */
function newEpochs(slot: RunSlot): EpochRecords {
  const from = slot.epochsSent;
  const count = slot.epochs.length - from;
  const { valLoss, ...rows } = createEpochRecords(count);
  for (const column of EPOCH_COLUMNS) rows[column].set(slot.epochs[column].subarray(from, from + count));
  rows.length = count;
  if (slot.trainer.validation) {
    valLoss.set(slot.epochs.valLoss.subarray(from, from + count));
    slot.epochsSent = slot.epochs.length;
    return { ...rows, valLoss };
  }
  slot.epochsSent = slot.epochs.length;
  return rows;
}
