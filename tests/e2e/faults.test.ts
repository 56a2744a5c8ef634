// Faults injected from outside the page (see faultInjection.ts): each one is
// seen as a message, never a blank page, and Restart resumes where the runs were.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { faultState, injectFaults, setFaults, terminateFirstWorker } from './faultInjection.ts';
import { statusNumber, waitForStep } from './statusReader.ts';

/** The app playing at 60 steps per second with faults injectable, a few steps in. */
async function playing(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, '?speed=60', undefined, injectFaults);
  await opened.page.waitForSelector('[data-testid="status-step"]');
  await opened.page.click('[data-testid="play"]');
  await waitForStep(opened.page, 'step >= 30');
  return opened;
}

/** The failure banner says `reason`, and the page around it is still there. */
async function expectBanner(page: Page, reason: RegExp): Promise<void> {
  await page.waitForSelector('[data-testid="worker-error"]', { timeout: 10_000 });
  expect(await page.textContent('[data-testid="worker-error"]')).toMatch(reason);
  expect(await page.isVisible('[data-testid="loss-panel"]')).toBe(true);
  expect(await page.isVisible('[data-testid="play"]')).toBe(true);
}

/** Restart replays to the step reached and stays paused there. */
async function expectRestartResumes(page: Page): Promise<void> {
  const reached = await statusNumber(page, 'step');
  expect(reached).toBeGreaterThanOrEqual(30);
  await page.click('[data-testid="restart-worker"]');
  await page.waitForSelector('[data-testid="worker-error"]', { state: 'detached' });
  await waitForStep(page, `step === ${reached}`);
  await page.waitForTimeout(500);
  expect(await statusNumber(page, 'step')).toBe(reached);
  expect(await faultState(page)).toMatchObject({ workers: 2 });
  // And it trains on from there.
  await page.click('[data-testid="step"]');
  await waitForStep(page, `step === ${reached + 1}`);
}

describe.runIf(hasBrowser)('faults of the training worker, injected from outside', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [spoil, reason] of [
    ['cursor', /cannot read \(chunk: run 1 \('run-\d+'\): cursor\.step must be a non-negative integer\)/],
    ['loss', /cannot read \(chunk: run 1 \('run-\d+'\): loss must be an object, not null\)/],
  ] as const) {
    it(`a chunk with a malformed ${spoil} is a named failure, and Restart resumes at the step reached`, async () => {
      const { page, errors } = await playing(browser);
      await setFaults(page, { spoil });
      await expectBanner(page, reason);
      await expectRestartResumes(page);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('a fault that repeats during the replay offers a start from step 0', async () => {
    const { page, errors } = await playing(browser);
    await setFaults(page, { spoil: 'cursor', spoilLater: true });
    await expectBanner(page, /cannot read/);
    await page.click('[data-testid="restart-worker"]');
    await page.waitForSelector('[data-testid="restart-from-zero"]');
    expect(await page.textContent('[data-testid="worker-error"]')).toMatch(/failed again while replaying/);
    expect(await page.textContent('[data-testid="restart-worker"]')).toBe('Replay again');
    await setFaults(page, { spoilLater: false });
    await page.click('[data-testid="restart-from-zero"]');
    await page.waitForSelector('[data-testid="worker-error"]', { state: 'detached' });
    await waitForStep(page, 'step === 0');
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 1');
    expect(await faultState(page)).toMatchObject({ workers: 3 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a worker that hangs is noticed by its missing heartbeat, and Reset posts nothing into it', async () => {
    const { page, errors } = await playing(browser);
    await setFaults(page, { hang: true });
    await expectBanner(page, /stopped responding/);
    const before = await faultState(page);
    await page.click('[data-testid="reset"]');
    await page.waitForSelector('[data-testid="worker-error"]', { state: 'detached' });
    await waitForStep(page, 'step === 0');
    const after = await faultState(page);
    expect(after.workers).toBe(2);
    expect(after.posted[0]).toBe(before.posted[0]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a worker terminated behind the page’s back is noticed, and Restart resumes at the step reached', async () => {
    const { page, errors } = await playing(browser);
    await terminateFirstWorker(page);
    await expectBanner(page, /stopped responding/);
    await expectRestartResumes(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a chart that throws shows what failed, keeps the runs for export, and draws again on Reload', async () => {
    const { page } = await playing(browser);
    await page.click('[data-testid="play"]'); // pause
    await setFaults(page, { breakCanvas: true });
    await page.click('[data-testid="step"]');
    await page.waitForSelector('[data-testid="panel-error"]');
    expect(await page.textContent('[data-testid="panel-error"]')).toMatch(/The charts failed to draw \(Error: injected: this canvas cannot draw\)/);
    expect(await page.isVisible('[data-testid="play"]')).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="panel-error-export"]')]);
    const [run] = JSON.parse(await readFile((await download.path())!, 'utf8')) as { steps: { step: number[] } }[];
    expect(run.steps.step.length).toBeGreaterThanOrEqual(32); // step 0 and every step taken
    await setFaults(page, { breakCanvas: false });
    await page.click('[data-testid="panel-error-reload"]');
    await page.waitForSelector('[data-testid="panel-error"]', { state: 'detached' });
    expect(await page.isVisible('[data-testid="loss-panel"]')).toBe(true);
    expect(await statusNumber(page, 'step')).toBeGreaterThanOrEqual(31);
    await page.context().close();
  });
});
