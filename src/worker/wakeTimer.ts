// The runner's one pending wake-up. Each new wake cancels the previous, and a
// callback that was already queued when it was cancelled does nothing, so the
// runner never works twice for one reason.
import type { Scheduler } from './scheduler.ts';

export class WakeTimer {
  private readonly scheduler: Scheduler;
  /** Bumped on every cancel: a callback carrying an older token is stale. */
  private token = 0;
  private timer: unknown = null;

  constructor(scheduler: Scheduler) {
    this.scheduler = scheduler;
  }

  /** Wakes as soon as the thread is free (after messages already waiting). */
  soon(wake: () => void): void {
    this.cancel();
    const token = this.token;
    this.scheduler.defer(() => {
      if (token === this.token) wake();
    });
  }

  /** Wakes at `time` on the scheduler's clock, or as soon as possible if that has passed. */
  at(time: number, wake: () => void): void {
    this.cancel();
    const token = this.token;
    this.timer = this.scheduler.setTimeout(
      () => {
        if (token === this.token) wake();
      },
      Math.max(0, time - this.scheduler.now()),
    );
  }

  /** Call at the start of a wake-up: the timer that fired is no longer pending. */
  fired(): void {
    this.timer = null;
  }

  cancel(): void {
    this.token += 1;
    if (this.timer !== null) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
