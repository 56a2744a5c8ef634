// A long run's progress on a terminal: one line on stderr, rewritten in place
// ("sim: 42% · 1.8M steps/s · 6 s left"), erased when the run ends. Nothing
// at all when stderr is not a terminal, so pipes and logs get only results.
// Pure apart from the stream and clock it is given, so it is tested without one.

/** Nothing is shown for runs shorter than this: they finish before a reader would look. */
export const PROGRESS_DELAY_MS = 1000;
/** The line is rewritten at most this often. */
export const PROGRESS_INTERVAL_MS = 250;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** The run has taken `step` of its steps. Cheap: call it as often as you like. */
  update(step: number): void;
  /** Erases the line (if one was shown) before the results are written. */
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

function compact(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(value >= 1e7 ? 0 : 1)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(value >= 1e4 ? 0 : 1)}k`;
  return value.toFixed(0);
}

function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The progress text after `step` of `total` steps in `elapsedMs`. */
export function progressLine(step: number, total: number, elapsedMs: number): string {
  const fraction = total > 0 ? Math.min(1, step / total) : 1;
  const rate = elapsedMs > 0 ? (step * 1000) / elapsedMs : 0;
  const left = rate > 0 ? duration(((total - step) / rate) * 1000) : '?';
  return `sim: ${Math.floor(fraction * 100)}% · ${compact(rate)} steps/s · ${left} left`;
}

/** Progress for a run of `total` steps, shown on `stream` only when it is a terminal. */
export function createProgress(total: number, stream: ProgressStream, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return SILENT;
  const start = now();
  let shown = false;
  let last = -Infinity;
  return {
    update(step) {
      const t = now();
      if (t - start < PROGRESS_DELAY_MS || t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      shown = true;
      stream.write(`\r\u001b[2K${progressLine(step, total, t - start)}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
