// The runner's sign of life. A timer of its own, apart from the work's wake-ups,
// because those are cancelled while the runner waits for the page's ack; it
// beats only while there is work, so an idle worker's timers drain.
import { HEARTBEAT_MS } from './protocol.ts';
import type { Scheduler } from './scheduler.ts';

export class Heartbeat {
  private timer: unknown = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly hasWork: () => boolean,
    private readonly beat: () => void,
  ) {}

  /** Call whenever work may have begun: starts beating if it has and the heart is not already beating. */
  check(): void {
    if (this.timer !== null || !this.hasWork()) return;
    this.timer = this.scheduler.setTimeout(() => this.fire(), HEARTBEAT_MS);
  }

  stop(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    if (!this.hasWork()) return;
    this.beat();
    this.check();
  }
}
