// The scale promise, its behavioural part: ten million steps
// (n = 1,000,000, b = 1, 10 epochs) play to the end in the built site in
// headless Chromium, the page answering throughout and without an error.
// How fast, how smoothly and in how much memory is measured by the
// benchmarks (npm run bench:memory, bench:frames, bench:page), never here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { statusNumber } from './statusReader.ts';

const STEPS = 10_000_000;

interface Status {
  step: number;
  state: string;
}

const readStatus = (page: Page) =>
  page.evaluate(
    (): Status => ({
      step: Number(document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value')),
      state: document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') ?? '',
    }),
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(hasBrowser)('a run of ten million steps in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays to the end, the status line following it, without an error', { timeout: 180_000 }, async () => {
    const { page, errors } = await openApp(browser, '?n=1000000&b=1&epochs=10&speed=max');
    await page.waitForSelector('[data-testid="status-step"]');
    expect(await statusNumber(page, 'steps-per-epoch')).toBe(1_000_000);
    await page.click('[data-testid="play"]');
    const seen: number[] = [];
    let status: Status = { step: 0, state: 'idle' };
    let started = false;
    while (status.state !== 'done') {
      await sleep(500);
      // Each read is a round trip into the page: it answers while the run goes on.
      status = await readStatus(page);
      seen.push(status.step);
      // Idle only until the worker has taken the Play in (it first draws a million examples).
      started ||= status.state !== 'idle';
      expect(started ? ['running', 'done'] : ['idle']).toContain(status.state);
    }
    expect(status).toEqual({ step: STEPS, state: 'done' });
    expect(await statusNumber(page, 'epoch')).toBe(10);
    // The status line moved on while the run went on, never back.
    expect(seen.every((step, i) => i === 0 || step >= seen[i - 1])).toBe(true);
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
