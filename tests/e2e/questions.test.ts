// The learner's questions answered on the page: each question's prepared
// experiment, the caption after an epoch, the loop view and Copy as PyTorch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { QUESTIONS } from '../../src/app/questions.ts';
import { parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { createEpochRecords, createTrainer, DEFAULT_SETTINGS } from '../../src/core/index.ts';
import { num, pair } from '../../src/panels/captions/captionFormat.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { paintedPixels, waitForStep } from './statusReader.ts';

describe.runIf(hasBrowser)('questions, captions, loop view and PyTorch in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every question opens its experiment with its runs and explanation, and plays', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="questions"]');
    for (const question of QUESTIONS) {
      await page.click(`[data-testid="question-${question.id}"]`);
      await page.waitForSelector('[data-testid="question-explanation"]');
      expect(await page.textContent('[data-testid="question-explanation"] h2')).toBe(question.title);
      expect(new URL(page.url()).search).toBe(question.link);
      const runs = parseExperimentQuery(question.link).experiment.runs.length || 1;
      const listed = await page.$$eval('[data-testid="run-list"] li', (els) => els.length);
      expect(listed === 0 ? 1 : listed, question.id).toBe(runs);
      await page.click('[data-testid="step-epoch"]');
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="status-epoch"]')?.getAttribute('data-value')) >= 1, undefined, {
        timeout: 30_000,
      });
      expect(await paintedPixels(page, 'loss-panel'), question.id).toBeGreaterThan(200);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after epoch 1 the caption names the numbers of that epoch', async () => {
    const trainer = createTrainer({ ...DEFAULT_SETTINGS });
    const epochs = createEpochRecords(1);
    trainer.advance(trainer.schedule.stepsPerEpoch, null, epochs);
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 10');
    await page.waitForFunction(() => /Epoch 1/.test(document.querySelector('[data-testid="caption"]')?.textContent ?? ''));
    const caption = (await page.textContent('[data-testid="caption"]')) ?? '';
    expect(caption).toContain('Epoch 1 took 10 steps of 10 examples');
    expect(caption).toContain(pair(DEFAULT_SETTINGS.w0));
    expect(caption).toContain(num(epochs.loss[0]));
    expect(caption).toMatch(/Every example was used once, in a new order \(first: #\d+, #\d+, #\d+, …\)/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('paused in a run too fast for the caption to follow its shuffles, the caption names the epoch’s order', async () => {
    // Two batches per epoch (so the step's batch is not the epoch's order) of 10,000 examples shuffled every
    // epoch, at full speed: far more epochs between two text updates than the caption replays per update.
    const { page, errors } = await openApp(browser, '?n=10000&b=5000&epochs=30000&speed=max');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="play"]');
    await waitForStep(page, 'step >= 1000', 60_000);
    await page.click('[data-testid="play"]'); // pause
    await page.waitForFunction(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'paused');
    await page.waitForFunction(() => /in a new order \(first: #\d+, #\d+, #\d+, …\)/.test(document.querySelector('[data-testid="caption"]')?.textContent ?? ''), undefined, {
      timeout: 30_000,
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the loop view highlight moves with each step', async () => {
    const { page, errors } = await openApp(browser, '?n=30&b=10');
    await page.waitForSelector('[data-testid="loop-view"]');
    const current = () => page.getAttribute('[data-testid="loop-view"] [data-current="true"]', 'data-testid');
    const note = (role: string) => page.textContent(`[data-testid="loop-note-${role}"]`);
    expect(await current()).toBe('loop-line-epoch');
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 1');
    await page.waitForFunction(() => document.querySelector('[data-testid="loop-view"] [data-current="true"]')?.getAttribute('data-testid') === 'loop-line-step');
    expect(await note('batch')).toMatch(/batch 1 of 3/);
    expect(await note('step')).toMatch(/step t = 1/);
    await page.click('[data-testid="step"]');
    await waitForStep(page, 'step === 2');
    await page.waitForFunction(() => /batch 2 of 3/.test(document.querySelector('[data-testid="loop-note-batch"]')?.textContent ?? ''));
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 3');
    await page.waitForFunction(() => document.querySelector('[data-testid="loop-view"] [data-current="true"]')?.getAttribute('data-testid') === 'loop-line-print');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Copy as PyTorch puts the runnable script on the clipboard', async () => {
    const { page, errors } = await openApp(browser, '?n=20&b=5&shuffle=none&epochs=2');
    await page.waitForSelector('[data-testid="copy-pytorch"]');
    await page.click('[data-testid="copy-pytorch"]');
    await page.waitForFunction(() => /Copied \d+ lines/.test(document.querySelector('[data-testid="copy-pytorch-said"]')?.textContent ?? ''));
    const script = await page.evaluate(() => navigator.clipboard.readText());
    expect(script).toMatch(/^#!|import torch/m);
    expect(script).toContain('batch_size=5');
    expect(script).toContain('for epoch in range(2):');
    expect(script).toMatch(/print\(f?["']epoch /);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
