// Comparing runs and sharing them: the experiment in a link, in the built site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, hasBrowser, launchBrowser, openApp } from './browser.ts';
import { paintedPixels, statusNumber, waitForStep } from './statusReader.ts';

describe.runIf(hasBrowser)('comparing and sharing in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a shuffle comparison draws five runs side by side, and the link records them', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="compare-shuffle"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-list"] li').length === 5);
    const names = await page.$$eval('[data-testid="run-list"] .run-name', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(['shuffle=none', 'shuffle=once', 'shuffle=epoch', 'shuffle=batches', 'shuffle=replacement']);
    await page.click('[data-testid="step-epoch"]');
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 20');
    // Every run's status row reached the same epoch boundary.
    const epochs = await page.$$eval('[data-testid^="status-epoch"]', (els) => els.map((e) => e.getAttribute('data-value')));
    expect(epochs).toEqual(['2', '2', '2', '2', '2']);
    expect(await paintedPixels(page, 'loss-panel')).toBeGreaterThan(1000);
    expect(new URL(page.url()).searchParams.get('runs')).toBe('shuffle:none,shuffle:once,base,shuffle:batches,shuffle:replacement');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link full of bad values shows each problem, as text, and leaves a working page', async () => {
    const hostile = '?n=1e12&b=0&shuffle=%3Cimg%20src=x%20onerror=alert(1)%3E&lr=%E0%A4%A&zz=1&runs=shuffle:none,garbage&seed=7';
    const { page, errors } = await openApp(browser, hostile);
    await page.waitForSelector('[data-testid="notice"]');
    const notice = await page.textContent('[data-testid="notice"]');
    expect(notice).toMatch(/n=1e12/);
    expect(notice).toMatch(/b=0/);
    expect(notice).toMatch(/shuffle=<img src=x onerror=alert\(1\)>/);
    expect(notice).toMatch(/broken percent-encoding/);
    expect(notice).toMatch(/unknown setting 'zz'/);
    expect(notice).toMatch(/garbage/);
    expect(await page.$$('img[src="x"]')).toHaveLength(0);
    // The valid part was kept, and the page trains.
    await expect(page.inputValue('[data-testid="setting-seed"]')).resolves.toBe('7');
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 1');
    await page.click('[data-testid="dismiss-notice"]');
    expect(await page.$('[data-testid="notice"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('back and forward restore the experiment', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    await page.fill('[data-testid="setting-b"]', '25');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('b') === '25');
    // Starting a run makes the next change a new history entry.
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 1');
    await page.selectOption('[data-testid="setting-shuffle"]', 'none');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('shuffle') === 'none');
    await page.goBack();
    await page.waitForFunction(() => (document.querySelector('[data-testid="setting-shuffle"]') as HTMLSelectElement).value === 'epoch');
    expect(await page.inputValue('[data-testid="setting-b"]')).toBe('25');
    expect(await statusNumber(page, 'steps-per-epoch')).toBe(4);
    await page.goForward();
    await page.waitForFunction(() => (document.querySelector('[data-testid="setting-shuffle"]') as HTMLSelectElement).value === 'none');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('serves the built site from a sub-path', () => {
    expect(new URL(baseUrl).pathname).not.toBe('/');
  });
});
