// Everything the runner sends to the page goes through here: chunks of
// records, statuses and errors. It remembers what went out and when, so the
// runner can pace chunks to frames, wait for acks, and skip repeated statuses.
import type { OutMessage, RunChunk, SeekCursor } from './protocol.ts';
import { cursorSnapshot } from './cursorSnapshot.ts';
import type { RunSlot } from './runSlot.ts';
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

  /** Posts the pending records of every run that has some (of every run, with everyRun). */
  postChunk(session: number, runs: readonly RunSlot[], now: number, everyRun: boolean): void {
    const chunks: RunChunk[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const slot of runs) {
      if (!everyRun && slot.builder.steps.length === 0) continue;
      const taken = slot.builder.take();
      chunks.push({ id: slot.id, steps: taken.steps, epochs: taken.epochs, cursor: cursorSnapshot(slot.trainer) });
      transfer.push(...taken.transfer);
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

  postSeekResult(session: number, request: number, cursors: SeekCursor[]): void {
    this.post({ type: 'seekResult', session, request, cursors }, []);
  }

  postHeartbeat(session: number): void {
    this.post({ type: 'heartbeat', session }, []);
  }

  postError(message: string): void {
    this.post({ type: 'error', message }, []);
  }
}
