// A shared link reproduces the run it came from: the JSON exported from the
// page opened by the link equals the original page's export, and both equal
// what the engine computes in Node for the same settings.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { runExportJson } from '../../src/store/export/index.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { waitForStep } from './statusReader.ts';

async function exportJson(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  return readFile((await download.path())!, 'utf8');
}

async function twoEpochs(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="status-step"]');
  await page.click('[data-testid="step-epoch"]');
  await waitForStep(page, 'step === 9');
  await page.click('[data-testid="step-epoch"]');
  await waitForStep(page, 'step === 18');
}

describe.runIf(hasBrowser)('a copied link reproduces the run', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports the same JSON from the original page, from the link, and from the engine in Node', async () => {
    const original = await openApp(browser, '?n=60&b=7&lr=0.05&seed=3&mom=0.5');
    await twoEpochs(original.page);
    await original.page.click('[data-testid="copy-link"]');
    await original.page.waitForFunction(() => /copied/i.test(document.querySelector('[data-testid="copy-said"]')?.textContent ?? ''));
    const link = await original.page.evaluate(() => navigator.clipboard.readText());
    const fromOriginal = await exportJson(original.page);

    const copy = await openApp(browser, new URL(link).search);
    await twoEpochs(copy.page);
    const fromLink = await exportJson(copy.page);

    expect(fromLink).toBe(fromOriginal);
    const settings = parseExperimentQuery(new URL(link).search).experiment.settings;
    expect(JSON.parse(fromOriginal)).toEqual(JSON.parse(`[${runExportJson(settings, 18)}]`));
    // Step 0, the start, then steps 1 … 18.
    expect(JSON.parse(fromOriginal)[0].steps.step).toHaveLength(19);
    expect([...original.errors, ...copy.errors]).toEqual([]);
    await original.page.context().close();
    await copy.page.context().close();
  });
});
