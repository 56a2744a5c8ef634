// Fake time for the runner: timers fire only when a test advances the clock,
// and each clock read by the runner can cost a little time, standing in for
// the work done between reads so time slices end as they would for real.
import type { Scheduler } from '../../src/worker/scheduler.ts';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeScheduler implements Scheduler {
  time = 0;
  private timers: Timer[] = [];
  private nextId = 1;

  /** @param costPerRead milliseconds the clock moves each time the runner reads it. */
  constructor(public costPerRead = 0) {}

  now(): number {
    const t = this.time;
    this.time += this.costPerRead;
    return t;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  defer(callback: () => void): void {
    this.setTimeout(callback, 0);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Fires every timer due up to now + ms, in time order, moving the clock to each. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers) if (t.at <= until && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      const fired = next;
      this.timers = this.timers.filter((t) => t !== fired);
      this.time = Math.max(this.time, fired.at);
      fired.callback();
    }
    this.time = Math.max(this.time, until);
  }
}
