// Notices a worker that has stopped: stalled in a loop, or gone. While work is
// pending the worker beats every HEARTBEAT_MS; silence for longer than
// HEARTBEAT_TIMEOUT_MS is a failure. Only a visible page judges, because a
// hidden one has its timers throttled and its frames (hence acks) stopped, so
// its silence proves nothing; coming back gives the worker a fresh allowance.
import { HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS, WORKER_START_TIMEOUT_MS } from '../worker/protocol.ts';
import type { Scheduler } from '../worker/scheduler.ts';

/** Time and visibility as the page sees them; tests pass fake ones. */
export interface PageClock {
  now: Scheduler['now'];
  setTimeout: Scheduler['setTimeout'];
  clearTimeout: Scheduler['clearTimeout'];
  visible(): boolean;
}

export function browserClock(): PageClock {
  return {
    now: () => performance.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    visible: () => typeof document === 'undefined' || document.visibilityState === 'visible',
  };
}

export class Watchdog {
  private lastHeard = 0;
  private timer: unknown = null;
  /** The worker has said anything at all, so it has started. */
  private started = false;

  constructor(
    private readonly clock: PageClock,
    /** Called once when the worker has been silent too long with work pending; the watch then ends. */
    private readonly onSilent: (silentMs: number) => void,
  ) {}

  /** A new worker: until it first speaks, it has the longer allowance of a start. */
  newWorker(): void {
    this.stop();
    this.started = false;
  }

  /** Anything arrived from the worker. */
  heard(): void {
    this.started = true;
    this.lastHeard = this.clock.now();
  }

  /** Work is pending (watch for beats) or not (a quiet worker is an idle one). */
  expect(pending: boolean): void {
    if (!pending) {
      this.stop();
      return;
    }
    if (this.timer !== null) return;
    this.lastHeard = this.clock.now();
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => this.check(), HEARTBEAT_MS);
  }

  private check(): void {
    this.timer = null;
    const now = this.clock.now();
    if (!this.clock.visible()) this.lastHeard = now;
    const silent = now - this.lastHeard;
    if (silent > (this.started ? HEARTBEAT_TIMEOUT_MS : WORKER_START_TIMEOUT_MS)) {
      this.onSilent(silent);
      return;
    }
    this.schedule();
  }
}
