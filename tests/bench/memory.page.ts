// Renderer memory under the heaviest work the page allows, in the built site
// in headless Chromium: a benchmark (`npm run bench:memory`), not a test —
// what it reads depends on the machine and its load. It prints peak private
// (anonymous) resident memory of the renderer that hosts the page and its
// training worker (and what it held before Play: the runs' data sets), the
// page's JS heap, round trips into the page and frame
// gaps, and fails (exit 1) above the 300 MB so it can gate a release
// by hand. BENCH_SECONDS shortens the 50 s of the first case, BENCH_LONG_SECONDS
// the second (to the end of its 8 × 10⁷ steps by default).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from '../e2e/browser.ts';
import { residentMemory, workerRendererPid } from '../e2e/rendererMemory.ts';

const MB = 1024 * 1024;
const MEMORY_GOAL = 300 * MB;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 50);
const eightSeeds = Array.from({ length: 8 }, (_, i) => `seed:${i + 1}`).join(',');

const CASES = [
  // Eight compared runs of n = 1,000,000, b = 1, for 50 s at full speed (450–490 MB before the worker thinned).
  { name: '8 × n=10⁶, b=1', query: `?n=1000000&b=1&epochs=100&speed=max&runs=${eightSeeds}`, seconds: SECONDS },
  // Eight runs of 10⁷ steps each, to the end.
  { name: '8 × 10⁷ steps', query: `?n=1000&b=1&epochs=10000&speed=max&runs=${eightSeeds}`, seconds: Number(process.env.BENCH_LONG_SECONDS ?? 900) },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const state = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') ?? '');

/** Gaps between animation frames over `ms`, the first (waiting for vsync) left out. */
const frameGaps = (page: Page, ms: number) =>
  page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const gaps: number[] = [];
        let last = performance.now();
        const end = last + duration;
        const tick = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(gaps.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

describe.runIf(hasBrowser)('renderer memory under heavy work', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const c of CASES) {
    it(`${c.name}: stays under 300 MB of private renderer memory`, { timeout: (c.seconds + 120) * 1000 }, async () => {
      const { page, errors } = await openApp(browser, c.query);
      // Closed whatever the outcome: a page left training would share the next case's renderer and be measured with it.
      try {
        await page.waitForSelector('[data-testid="status-step"]');
        // The worker starts once the page has configured its runs; wait for it.
        let renderer = workerRendererPid();
        for (let i = 0; i < 100 && renderer === null; i++) {
          await sleep(100);
          renderer = workerRendererPid();
        }
        expect(renderer, 'the renderer running the training worker').not.toBeNull();
        let peak = residentMemory(renderer!)!;
        const atStart = peak;
        // Before Play the worker draws every run's data set: wait until the renderer stops growing (2 MB in half a
        // second, 15 s at most), so the print tells what the runs' data hold from what training adds.
        let beforePlay = peak;
        for (let i = 0; i < 30; i++) {
          await sleep(500);
          const now = residentMemory(renderer!)!;
          const grew = now.anonymous - beforePlay.anonymous;
          beforePlay = now;
          if (grew < 2 * MB) break;
        }
        if (beforePlay.anonymous > peak.anonymous) peak = beforePlay;
        // Sampled from outside, so a page that stops answering is still measured.
        const sampler = setInterval(() => {
          const now = residentMemory(renderer!);
          if (now && now.anonymous > peak.anonymous) peak = now;
        }, 100);
        const cdp = await page.context().newCDPSession(page);
        let peakHeap = 0;
        const roundTrips: number[] = [];
        let gaps: number[] = [];
        const started = performance.now();
        try {
          await page.click('[data-testid="play"]');
          while (performance.now() - started < c.seconds * 1000) {
            await sleep(500);
            const sent = performance.now();
            const now = await state(page);
            roundTrips.push(performance.now() - sent);
            const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
            peakHeap = Math.max(peakHeap, heap.usedSize);
            if (!gaps.length && performance.now() - started > 5000) gaps = await frameGaps(page, 2000);
            if (now === 'done') break;
          }
        } finally {
          clearInterval(sampler);
        }
        const sorted = [...gaps].sort((a, b) => a - b);
        const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1) : 'n/a');
        console.log(
          `[memory] ${c.name}: ${((performance.now() - started) / 1000).toFixed(1)} s, state ${await state(page)}; ` +
            `renderer private ${mb(atStart.anonymous)}, ${mb(beforePlay.anonymous)} before Play → peak ${mb(peak.anonymous)} (RSS peak ${mb(peak.total)}); page JS heap peak ${mb(peakHeap)}; ` +
            `round trips max ${Math.max(...roundTrips).toFixed(0)} ms; frame gaps p50/p95/worst ${q(0.5)}/${q(0.95)}/${q(1)} ms`,
        );
        expect(peak.anonymous).toBeLessThan(MEMORY_GOAL);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});
