// Validation loss on the page: a link with val=0.2 shows the val control, the
// status line's val loss (the engine's trainer.valLoss after three epochs) and
// the loss chart's legend entry for the val_loss marks — in headless Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTrainer, DEFAULT_SETTINGS } from '../../src/core/index.ts';
import { VAL_LOSS_LABEL } from '../../src/panels/loss/legendEntries.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { statusNumber, statusValue, waitForStep } from './statusReader.ts';

describe.runIf(hasBrowser)('validation loss in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('?val=0.2&epochs=3: three epoch steps give the engine’s val loss, and the legend names val_loss', async () => {
    const { page, errors } = await openApp(browser, '?val=0.2&epochs=3');
    await page.waitForSelector('[data-testid="status-step"]');
    expect(await page.inputValue('[data-testid="setting-val"]')).toBe('0.2');
    for (let epoch = 1; epoch <= 3; epoch++) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step === ${epoch * 10}`);
    }
    const trainer = createTrainer({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], val: 0.2, epochs: 3 });
    trainer.advance(30, null, null);
    expect(trainer.step).toBe(30);
    expect(Number.isFinite(trainer.valLoss)).toBe(true);
    // data-value is String(x), which reads back to the same double.
    expect(await statusNumber(page, 'step')).toBe(30);
    expect(await statusNumber(page, 'val-loss')).toBe(trainer.valLoss);
    expect(await page.textContent('[data-testid="loss-panel"]')).toContain(VAL_LOSS_LABEL);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without val the status line has no val loss and the legend does not name it', async () => {
    const { page, errors } = await openApp(browser, '?epochs=3');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 10');
    expect(await page.locator('[data-testid="status-val-loss"]').count()).toBe(0);
    expect(Number(await statusValue(page, 'loss'))).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="loss-panel"]')).not.toContain(VAL_LOSS_LABEL);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
