// The one frame-gap measurement of the page benchmarks: requestAnimationFrame
// timestamps on the page's main thread, from a recorder the benchmark installs
// in the page, summarised as p50 / p95 / worst. Wall-clock by nature: these
// numbers depend on the machine's load, so they are printed, never asserted
// in `npm test`.
import type { Page } from 'playwright-core';

/** What the recorder keeps in the page: every frame's timestamp, Play's time and the time every run was done. */
export interface FrameRecord {
  readonly frames: number[];
  readonly playAt: number | null;
  readonly doneAt: number | null;
}

type ProbeWindow = Window & { __frameProbe?: { frames: number[]; playAt: number | null; doneAt: number | null } };

/**
 * In the page: records every animation frame's timestamp from now on, the time
 * of the first click on Play, and the first frame on which every run's state
 * in the status line is final (done, diverged or error).
 */
function installRecorder(): void {
  const w = window as ProbeWindow;
  const probe = (w.__frameProbe = { frames: [] as number[], playAt: null as number | null, doneAt: null as number | null });
  document.addEventListener(
    'click',
    (event) => {
      if (probe.playAt === null && (event.target as Element | null)?.closest?.('[data-testid="play"]')) probe.playAt = performance.now();
    },
    true,
  );
  const tick = (now: number) => {
    probe.frames.push(now);
    if (probe.playAt !== null && probe.doneAt === null) {
      const states = document.querySelectorAll('[data-testid^="status-state"]');
      let done = states.length > 0;
      for (const s of states) if (!['done', 'diverged', 'error'].includes(s.getAttribute('data-value') ?? '')) done = false;
      if (done) probe.doneAt = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function startFrameRecorder(page: Page): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in a __name helper the page lacks.
  await page.evaluate('window.__name ??= (f) => f');
  await page.evaluate(installRecorder);
}

export function readFrameRecord(page: Page): Promise<FrameRecord> {
  return page.evaluate(() => {
    const probe = (window as ProbeWindow).__frameProbe;
    return { frames: probe ? [...probe.frames] : [], playAt: probe?.playAt ?? null, doneAt: probe?.doneAt ?? null };
  });
}

/** Waits until the recorder has seen every run finish. */
export async function waitForDone(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(() => (window as ProbeWindow).__frameProbe?.doneAt != null, undefined, { timeout, polling: 250 });
}

export interface GapSummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly worst: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Gaps between consecutive frames whose later frame falls in [from, to]. The
 * first frame after `from` is measured from the frame before it, so a long
 * frame straddling the start still counts.
 */
export function frameGaps(frames: readonly number[], from: number, to = Infinity): GapSummary {
  const gaps: number[] = [];
  for (let i = 1; i < frames.length; i++) if (frames[i] > from && frames[i] <= to) gaps.push(frames[i] - frames[i - 1]);
  gaps.sort((a, b) => a - b);
  if (gaps.length === 0) return { count: 0, p50: NaN, p95: NaN, worst: NaN };
  return { count: gaps.length, p50: quantile(gaps, 0.5), p95: quantile(gaps, 0.95), worst: gaps[gaps.length - 1] };
}

export function formatGaps(g: GapSummary): string {
  return `${g.p50.toFixed(1)} / ${g.p95.toFixed(1)} / ${g.worst.toFixed(1)} ms`;
}
