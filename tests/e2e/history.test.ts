// The history of experiments: back returns to the experiment that ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { waitForStep } from './statusReader.ts';

const param = (page: Page, key: string) => page.evaluate((k) => new URL(location.href).searchParams.get(k), key);

async function setSeed(page: Page, seed: string): Promise<void> {
  await page.fill('[data-testid="setting-seed"]', seed);
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('seed') === s, seed);
}

describe.runIf(hasBrowser)('history of experiments in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edit, play, edit while running, pause, edit: back returns to the experiment that ran last', async () => {
    const { page, errors } = await openApp(browser, '?speed=60');
    await page.waitForSelector('[data-testid="status-step"]');
    await setSeed(page, '2');
    await page.click('[data-testid="play"]');
    await waitForStep(page, 'step >= 5');
    await setSeed(page, '3'); // while running: seed 3 restarts and runs on
    await waitForStep(page, 'step >= 5');
    await page.click('[data-testid="play"]'); // pause
    await setSeed(page, '4');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') !== '4');
    expect(await param(page, 'seed')).toBe('3');
    expect(await page.inputValue('[data-testid="setting-seed"]')).toBe('3');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') !== '3');
    expect(await param(page, 'seed')).toBe('2');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
