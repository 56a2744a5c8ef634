// An in-process stand-in for the training worker: the real TrainingRunner on
// fake time, with messages cloned (and transferred) and delivered
// asynchronously both ways, as a browser would.
import type { InMessage } from '../../src/worker/protocol.ts';
import { TrainingRunner, type RunnerOptions } from '../../src/worker/runner.ts';
import type { WorkerLike } from '../../src/store/workerLike.ts';
import type { FakeScheduler } from '../worker/fakeScheduler.ts';

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** Stuck as in a busy loop: takes in nothing and sends nothing more, but is not terminated. */
  hung = false;
  /** Everything the page sent, in order. */
  readonly sent: InMessage[] = [];
  /** Messages handed to onmessage so far. */
  delivered = 0;
  readonly runner: TrainingRunner;

  constructor(
    private readonly scheduler: FakeScheduler,
    options: Partial<RunnerOptions> = {},
  ) {
    this.runner = new TrainingRunner({
      scheduler,
      // Fake time costs per clock read, not per step: small rounds keep the steps per fake millisecond realistic.
      maxRoundSteps: 64,
      post: (message, transfer) => {
        const data = structuredClone(message, { transfer });
        scheduler.defer(() => this.deliver(data));
      },
      ...options,
    });
  }

  postMessage(message: InMessage, transfer: Transferable[]): void {
    if (this.terminated) return;
    const data = structuredClone(message, { transfer });
    this.sent.push(data);
    this.scheduler.defer(() => {
      if (!this.terminated && !this.hung) this.runner.handle(data);
    });
  }

  terminate(): void {
    this.terminated = true;
    this.runner.dispose();
  }

  /** Hands a message to the page as if the worker had posted it. */
  deliver(data: unknown): void {
    if (this.terminated || this.hung) return;
    this.delivered++;
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** An uncaught exception in the worker, as the page sees it. */
  crash(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }

  sentOf<T extends InMessage['type']>(type: T): Extract<InMessage, { type: T }>[] {
    return this.sent.filter((m): m is Extract<InMessage, { type: T }> => m.type === type);
  }
}
