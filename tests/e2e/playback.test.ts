// The visualizer as a learner uses it: press play, pause, step, step an epoch,
// push the learning rate too far — in the built site, in headless Chromium.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { paintedPixels, statusNumber, statusValue, waitForStep } from './statusReader.ts';

const ARTIFACTS = new URL('./artifacts/', import.meta.url);

describe.runIf(hasBrowser)('playback in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors, and play advances the status line and draws both charts', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    expect(await statusNumber(page, 'step')).toBe(0);
    await page.selectOption('[data-testid="speed"]', '600');
    await page.click('[data-testid="play"]');
    await waitForStep(page, 'step >= 30');
    expect(await paintedPixels(page, 'loss-panel')).toBeGreaterThan(500);
    expect(await paintedPixels(page, 'weight-panel')).toBeGreaterThan(500);
    expect(Number(await statusValue(page, 'loss'))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pause holds the step; step advances exactly one; step-epoch lands on the next epoch boundary', async () => {
    const { page, errors } = await openApp(browser, '?n=100&b=8');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="play"]');
    await waitForStep(page, 'step >= 3');
    await page.click('[data-testid="play"]'); // pause
    await page.waitForFunction(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'paused');
    const held = await statusNumber(page, 'step');
    await page.waitForTimeout(600);
    expect(await statusNumber(page, 'step')).toBe(held);

    await page.click('[data-testid="step"]');
    await waitForStep(page, `step === ${held + 1}`);
    await page.waitForTimeout(300);
    expect(await statusNumber(page, 'step')).toBe(held + 1);

    const perEpoch = await statusNumber(page, 'steps-per-epoch');
    expect(perEpoch).toBe(13); // ⌈100 / 8⌉
    await page.click('[data-testid="step-epoch"]');
    const boundary = (Math.floor((held + 1) / perEpoch) + 1) * perEpoch;
    await waitForStep(page, `step === ${boundary}`);
    await page.keyboard.press('Shift+ArrowRight');
    await waitForStep(page, `step === ${boundary + perEpoch}`);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, `step === ${boundary + perEpoch + 1}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says plainly when the learning rate makes training diverge, and stays usable', async () => {
    const { page, errors } = await openApp(browser, '?lr=5');
    await page.waitForSelector('[data-testid="status-step"]');
    await expect(page.textContent('[data-testid="fact-max-lr"]')).resolves.toMatch(/above it/);
    await page.click('[data-testid="play"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'diverged');
    const message = await page.textContent('[data-testid="status-message"]');
    expect(message).toMatch(/diverged/i);
    expect(message).toMatch(/largest stable/i);
    // Usable: a sane learning rate trains again.
    await page.fill('[data-testid="setting-lr"]', '0.03');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'idle');
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 10');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after 5 epochs, a screenshot of the page shows what an epoch is', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    for (let e = 1; e <= 5; e++) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step === ${e * 10}`);
    }
    await page.waitForTimeout(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = new URL('after-5-epochs.png', ARTIFACTS).pathname;
    await page.screenshot({ path });
    expect(await statusValue(page, 'epoch')).toBe('5');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
