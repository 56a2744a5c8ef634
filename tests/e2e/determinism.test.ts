// A shared link must reproduce a run bit for bit: the page (its worker, in
// Chromium) and the engine in Node must compute the same doubles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTrainer, DEFAULT_SETTINGS, settingsToEntries, type Settings } from '../../src/core/index.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { statusValue, waitForStep } from './statusReader.ts';

const CASES: Partial<Settings>[] = [
  {},
  { data: 'plane', rho: 0.8, b: 7, shuffle: 'batches', mom: 0.9, lr: 0.01 },
  { model: 'deep', shuffle: 'replacement', decay: 0.5, noise: 1.3, seed: 4_000_000_000 },
  { n: 333, b: 20, drop: true, k: 3, restart: true, shuffle: 'once', w0: [0.25, -0.75] },
  { init: 'random', restart: true, seed: 77, b: 9 },
];

describe.runIf(hasBrowser)('the same settings give the same doubles in Node and in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES.map((c, i) => [i, c] as const))('case %i: weights and losses after two epochs are bit-identical', async (_, patch) => {
    const settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
    const trainer = createTrainer(settings);
    const steps = 2 * trainer.schedule.stepsPerEpoch;
    trainer.advance(steps, null, null);

    const query = '?' + settingsToEntries(settings).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const { page, errors } = await openApp(browser, query);
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, `step === ${steps / 2}`);
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, `step === ${steps}`);
    expect(Number(await statusValue(page, 'w1'))).toBe(trainer.w1);
    expect(Number(await statusValue(page, 'w2'))).toBe(trainer.w2);
    expect(Number(await statusValue(page, 'loss'))).toBe(trainer.loss);
    expect(Number(await statusValue(page, 'batch-loss'))).toBe(trainer.batchLoss);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
