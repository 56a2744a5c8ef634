// The export menu in headless Chromium: keyboard only, real downloads through
// Blob + object URL + <a download>, and the text of each download compared
// with what store/export computes here in Node for the same runs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { exportFiles, type ExportKind } from '../../src/store/export/index.ts';
import { harnessRuns, type HarnessScenario } from './exportMenuRuns.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p)) ?? '';
const ORIGIN = 'http://export-menu.test';

if (!CHROMIUM) {
  const message = 'No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium): the export menu browser test is skipped. Install it: apt-get install -y chromium';
  if (process.env.CI === 'true') throw new Error(`${message}. Under CI a missing browser fails the run.`);
  console.warn(`\n!! ${message}\n`);
}

/** The harness and React in one script, built in memory. */
async function bundleHarness(): Promise<string> {
  const output = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    plugins: [react()],
    // Under Vitest the React plugin compiles JSX for development, so React must be its development build.
    define: { 'process.env.NODE_ENV': '"development"' },
    build: { write: false, minify: false, lib: { entry: 'tests/ui/exportMenuHarness.tsx', formats: ['iife'], name: 'exportMenuHarness' } },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) for (const chunk of result.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('the harness bundle produced no script');
}

/**
 * Same structure, same integers, and every other number within 1e-12: not bit
 * for bit, because Math.log (behind the data's normal draws) rounds
 * differently in this Node's V8 and in current Chromium's.
 */
function expectSameNumbers(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected)) expect(actual, path).toBe(expected);
    else expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    expect(actual.length, path).toBe(expected.length);
    expected.forEach((item, i) => expectSameNumbers(actual[i], item, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    expect(Object.keys(actual), path).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) expectSameNumbers((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe.runIf(CHROMIUM !== '')('the export menu in a browser', () => {
  let browser: Browser;
  let script: string;
  beforeAll(async () => {
    [script, browser] = await Promise.all([
      bundleHarness(),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(scenario: HarnessScenario): Promise<{ page: Page; downloads: Download[]; errors: string[] }> {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const downloads: Download[] = [];
    const errors: string[] = [];
    page.on('download', (download) => downloads.push(download));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route(`${ORIGIN}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/harness.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>export menu</title><body><main id="root"></main><script src="/harness.js"></script></body></html>' });
    });
    await page.goto(`${ORIGIN}/#${scenario}`);
    await page.waitForSelector('[data-testid="export-json"]');
    return { page, downloads, errors };
  }

  async function message(page: Page, expected: RegExp): Promise<string> {
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(expected);
    return (await status.textContent()) ?? '';
  }

  async function textOf(download: Download): Promise<string> {
    return readFileSync(await download.path(), 'utf8');
  }

  /** What store/export computes in the page, with the browser's own Math. */
  function expectedTexts(page: Page, kind: ExportKind): Promise<string[]> {
    return page.evaluate((k) => (window as unknown as { expectedTexts(kind: string): string[] }).expectedTexts(k), kind);
  }

  it('downloads exactly the files store/export computes, driven from the keyboard', async () => {
    const { page, downloads, errors } = await open('two-runs');
    const runs = harnessRuns('two-runs');
    const group = page.getByRole('group', { name: 'Export data' });
    expect(await group.count()).toBe(1);
    for (const name of ['JSON', 'steps CSV', 'epochs CSV']) expect(await group.getByRole('button', { name, exact: true }).count(), name).toBe(1);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-json');
    await page.keyboard.press('Enter');
    await message(page, /^Downloaded epoch-lab_2-runs\.json\.$/);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual(['epoch-lab_2-runs.json']);
    const json = await textOf(downloads[0]);
    expect(json).toBe((await expectedTexts(page, 'json'))[0]);
    expectSameNumbers(JSON.parse(json), JSON.parse(exportFiles('json', runs).files[0].text));

    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await message(page, /^Downloaded 2 files: /);
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(3);
    expect(downloads.slice(1).map((d) => d.suggestedFilename())).toEqual(exportFiles('steps-csv', runs).files.map((file) => file.name));
    const csv = await expectedTexts(page, 'steps-csv');
    for (const [i, text] of csv.entries()) expect(await textOf(downloads[1 + i])).toBe(text);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says why a per-step export is refused, downloads nothing, and still gives the epochs', async () => {
    const { page, downloads, errors } = await open('too-long');
    await page.getByTestId('export-steps-csv').click();
    const refusal = await message(page, /at most 1,000,000 steps/);
    expect(refusal).toContain('epochs CSV');
    expect(await page.getByTestId('export-message').getAttribute('class')).toContain('export-refusal');
    expect(downloads).toEqual([]);

    await page.getByTestId('export-epochs-csv').click();
    await message(page, /^Downloaded epoch-lab_b=1_n=1000000_epochs\.csv\.$/);
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(1);
    expect(await textOf(downloads[0])).toBe((await expectedTexts(page, 'epochs-csv'))[0]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
