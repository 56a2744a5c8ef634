// The store's one line to the training worker: starting it (again), sending
// it runs and commands, reading what it sends back, and flow control. It
// knows nothing of the store's state; what it reads it hands to its events.
//
// Sessions: every configure and reset starts a new session, and the worker
// echoes it in each later chunk and status, so messages still in flight from
// before are dropped here. Flow control: after each chunk the link acks only
// once the page has drawn it, and the worker sends its next chunk only after
// that ack, so messages never pile up ahead of the page's frames.
import { type CursorSnapshot, type InMessage, type OutMessage, type PageView, type RunChunk, type RunConfig, type RunStatusReport, type Speed, type WorkerStatus } from '../worker/protocol.ts';
import { validateOutMessage } from '../worker/outValidation.ts';
import { browserClock, Watchdog, type PageClock } from './watchdog.ts';
import type { WorkerFactory, WorkerLike } from './workerLike.ts';

/** What the link reads from the worker, for the current session only. */
export interface WorkerEvents {
  /** Applies a chunk; returns why it cannot be applied (the link then fails), or null. */
  chunk(runs: readonly RunChunk[]): string | null;
  status(status: Exclude<WorkerStatus, 'error'>, runs: readonly RunStatusReport[]): void;
  /** The worker is gone (already detached): it failed, could not start, or sent what the page cannot read. */
  failure(reason: string): void;
}

/** The commands that carry no session. */
export type Command = Exclude<InMessage, { session: number }>;

function errorMessage(event: { message?: unknown } | null | undefined): string {
  const text = event && typeof event.message === 'string' ? event.message.trim() : '';
  return text || 'the training worker stopped unexpectedly';
}

/**
 * After the next frame has been painted, or within 100 ms when no frame comes
 * (a background tab), so a hidden page slows training instead of stopping it.
 */
export function afterNextFrame(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

export class WorkerLink {
  private worker: WorkerLike | null = null;
  private session = 0;
  private readonly watchdog: Watchdog;
  /** The chart's view as last set; a new worker is told it before its first runs. */
  private view: PageView | null = null;
  private viewSent = false;
  private nextRequest = 1;
  private readonly seeks = new Map<number, { resolve: (state: CursorSnapshot) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly createWorker: WorkerFactory,
    /** Runs the callback once the page has drawn what the last chunk changed. */
    private readonly afterDraw: (callback: () => void) => void,
    private readonly events: WorkerEvents,
    clock: PageClock = browserClock(),
  ) {
    this.watchdog = new Watchdog(clock, (silentMs) =>
      this.fail(`the training worker stopped responding (no sign of life for ${Math.round(silentMs / 1000)} s while it had work)`),
    );
  }

  /** Whether a worker is attached (none before the first configure, after a failure, or after detach). */
  get alive(): boolean {
    return this.worker !== null;
  }

  /** A new session with these runs, all from step 0, at this speed; starts a worker first if none is attached. */
  configure(runs: RunConfig[], speed: Speed, resume: boolean): void {
    if (!this.worker && !this.spawn()) return;
    this.newSession();
    this.post({ type: 'speed', stepsPerSecond: speed });
    if (this.view && !this.viewSent) this.post({ type: 'view', view: this.view });
    this.viewSent = true;
    this.worker?.postMessage({ type: 'configure', session: this.session, runs }, []);
    this.awaitSession();
    if (resume) this.post({ type: 'play' });
  }

  /** A new session with the same runs, every one back at step 0. */
  reset(): void {
    this.newSession();
    this.worker?.postMessage({ type: 'reset', session: this.session }, []);
    this.awaitSession();
  }

  /** The chart's view: the worker sends every run's series again at its resolution. */
  setView(view: PageView): void {
    this.view = view;
    if (!this.worker) return;
    this.post({ type: 'view', view });
    this.viewSent = true;
  }

  /**
   * The exact state of a run at a step it has reached, replayed by the worker.
   * Rejected when the worker cannot answer (no such run or step, a new
   * session, a failure): the caller shows the error, nothing else changes.
   */
  seek(id: string, step: number): Promise<CursorSnapshot> {
    if (!this.worker) return Promise.reject(new Error('no training worker is running'));
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.seeks.set(request, { resolve, reject });
      this.post({ type: 'seek', id, step, request });
    });
  }

  /** Sends a command; without a worker it goes nowhere. */
  post(message: Command): void {
    this.worker?.postMessage(message, []);
  }

  /**
   * The next command changes the worker's status (Play from idle or paused), so a status must follow:
   * work is pending until it does, and a worker that died while idle is noticed then. Called before
   * the command is sent, so that an answer arriving at once ends the wait instead of preceding it.
   */
  expectStatus(): void {
    this.awaitSession();
  }

  /** Lets go of the worker: terminated, and nothing it still sends is read. */
  detach(): void {
    const old = this.worker;
    this.worker = null;
    this.viewSent = false;
    this.dropSeeks('the training worker stopped');
    this.watchdog.stop();
    if (!old) return;
    old.onmessage = null;
    old.onerror = null;
    old.onmessageerror = null;
    try {
      old.terminate();
    } catch {
      // A worker that cannot even be terminated is gone all the same.
    }
  }

  private newSession(): void {
    this.session++;
    this.dropSeeks('the runs started again');
  }

  private dropSeeks(reason: string): void {
    for (const { reject } of this.seeks.values()) reject(new Error(reason));
    this.seeks.clear();
  }

  /** The worker owes an answer (to a new session or a change of status): work is pending until its next status. */
  private awaitSession(): void {
    if (!this.worker) return;
    this.watchdog.expect(true);
  }

  private fail(reason: string): void {
    this.detach();
    this.events.failure(reason);
  }

  private spawn(): boolean {
    let created: WorkerLike;
    try {
      created = this.createWorker();
    } catch (error) {
      this.fail(`the training worker could not be started (${error instanceof Error ? error.message : String(error)})`);
      return false;
    }
    this.worker = created;
    this.watchdog.newWorker();
    created.onmessage = (event) => {
      if (this.worker !== created) return;
      this.watchdog.heard();
      this.receive(event.data);
    };
    created.onerror = (event) => {
      if (this.worker === created) this.fail(errorMessage(event));
    };
    created.onmessageerror = () => {
      if (this.worker === created) this.fail('a message from the training worker could not be read');
    };
    return true;
  }

  private receive(data: unknown): void {
    const checked = validateOutMessage(data);
    if (!checked.ok) {
      this.fail(`the training worker sent a message the page cannot read (${checked.message})`);
      return;
    }
    this.handle(checked.value);
  }

  private handle(message: OutMessage): void {
    if (message.type === 'error') {
      this.fail(message.message);
      return;
    }
    if (message.type === 'heartbeat') return; // heard already, whatever its session
    if (message.session !== this.session) return; // left over from before the last configure or reset
    if (message.type === 'seeked') {
      const pending = this.seeks.get(message.request);
      this.seeks.delete(message.request);
      if (message.state) pending?.resolve(message.state);
      else pending?.reject(new Error(message.message ?? 'the step could not be replayed'));
      return;
    }
    if (message.type === 'status') {
      if (message.status === 'error') {
        this.fail(message.message ?? 'training failed');
        return;
      }
      // Running is the one status with work pending; any other means a quiet worker is an idle one.
      this.watchdog.expect(message.status === 'running');
      this.events.status(message.status, message.runs);
      return;
    }
    const problem = this.events.chunk(message.runs);
    if (problem) {
      this.fail(problem);
      return;
    }
    const acked = this.session;
    this.afterDraw(() => {
      if (acked === this.session) this.worker?.postMessage({ type: 'ack', session: acked }, []);
    });
  }
}
