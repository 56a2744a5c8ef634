// Time and timers as the runner sees them. Injected so that tests drive the
// runner with fake time, and so the worker can yield through a MessageChannel
// (nested setTimeout(0) is clamped to 4 ms in browsers, a third of a slice).

export interface Scheduler {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs the callback as soon as the thread is free, after messages that are already waiting. */
  defer(callback: () => void): void;
}

/** Plain timers: works anywhere, including Node. */
export function timerScheduler(): Scheduler {
  return {
    now: () => performance.now(),
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    defer: (callback) => {
      setTimeout(callback, 0);
    },
  };
}

/** Timers plus an unclamped yield through a MessageChannel, for the worker. */
export function channelScheduler(): Scheduler {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => {
    waiting.shift()?.();
  };
  return {
    ...timerScheduler(),
    defer: (callback) => {
      waiting.push(callback);
      channel.port2.postMessage(null);
    },
  };
}
