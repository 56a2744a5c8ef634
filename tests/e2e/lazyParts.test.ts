// The parts of the page loaded after the first paint (src/panels/shared/
// lazyPart.ts): in the built site they arrive and work, and when their chunk
// cannot be fetched the page says so where the part would be and keeps working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, hasBrowser, launchBrowser } from './browser.ts';
import { paintedPixels, waitForStep } from './statusReader.ts';

/** Opens the default page with every request whose path matches `blocked` failing as a dropped connection would. */
async function openWithout(browser: Browser, blocked: RegExp | null): Promise<{ page: Page; errors: string[]; aborted: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const aborted: string[] = [];
  if (blocked) {
    await context.route(
      (url) => blocked.test(url.pathname),
      (route) => {
        aborted.push(new URL(route.request().url()).pathname);
        return route.abort('connectionfailed');
      },
    );
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(baseUrl);
  return { page, errors, aborted };
}

const text = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).textContent();

describe.runIf(hasBrowser)('parts loaded after the first paint', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('arrive and work: the lower charts appear, zoom moves the view, Copy as PyTorch copies', async () => {
    const { page, errors } = await openWithout(browser, null);
    await page.waitForSelector('[data-testid="data-panel"]');
    await page.waitForSelector('[data-testid="loop-view"]');
    const ticks = () => page.locator('[data-testid="weight-panel"] svg.panel-fg .tick').allTextContents();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="weight-panel"] svg.panel-fg .tick').length > 0);
    const before = await ticks();
    // d3-zoom may still be on its way: zoom until the axis changes.
    await expect
      .poll(async () => {
        await page.click('[data-testid="weight-panel"] button[aria-label="Zoom in"]');
        return (await ticks()).join(' ');
      })
      .not.toBe(before.join(' '));
    await page.click('[data-testid="copy-pytorch"]');
    await expect.poll(() => text(page, 'copy-pytorch-said')).toMatch(/^Copied \d+ lines of PyTorch$/);
    // Reading the loss chart (a part of its own): after a step, an arrow key shows the table of values.
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 1');
    await page.focus('[data-testid="loss-panel"] .panel-plot');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="loss-panel"] .panel-tooltip');
    expect(await page.locator('[data-testid="weight-zoom-unavailable"], [data-testid="deferred-failure"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('include the questions: their list appears, and a link naming no question says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?q=no-such-thing`);
    await expect.poll(() => page.locator('[data-testid="questions"] li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.notice').allTextContents()).toContainEqual(expect.stringContaining('q=no-such-thing: there is no such question; the experiment is shown without one'));
    // A real question opened in place adds no such note.
    await page.click('[data-testid="questions"] li a');
    await page.waitForSelector('[data-testid="question-explanation"]');
    expect((await page.locator('.notice').allTextContents()).join(' ')).not.toContain('no such question');
    await context.close();
  });

  it('say so when their chunks cannot be fetched, and the rest of the page still trains and draws', async () => {
    const { page, errors, aborted } = await openWithout(browser, /\/assets\/(d3-zoom|pytorchScript|DataPanel|export)-[^/]*\.js$/);
    await expect.poll(() => text(page, 'weight-zoom-unavailable')).toBe('Zoom and pan do not work: the zoom code could not be loaded; check the connection and reload the page.');
    await expect.poll(() => text(page, 'deferred-failure')).toBe('The data chart is missing: the data chart could not be loaded; check the connection and reload the page.');
    await page.click('[data-testid="copy-pytorch"]');
    await expect.poll(() => text(page, 'copy-pytorch-said')).toBe('Copy failed: the PyTorch script generator could not be loaded; check the connection and reload the page');
    await page.click('[data-testid="export-json"]');
    await expect.poll(() => text(page, 'export-message')).toBe('Export failed: the export code could not be loaded; check the connection and reload the page');
    // Everything else is there and works: the loop view loaded, and a step trains and is drawn.
    await page.waitForSelector('[data-testid="loop-view"]');
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 1');
    expect(await paintedPixels(page, 'loss-panel')).toBeGreaterThan(0);
    expect(aborted.length).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
