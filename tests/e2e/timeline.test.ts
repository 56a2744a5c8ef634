// The timeline in the browser: an at= link opens paused at its step with the
// engine's exact state there; scrubbing back shows every panel at the step,
// records the moment in the address, and Play goes on from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTrainer } from '../../src/core/index.ts';
import { parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { statusNumber, statusValue, waitForStep } from './statusReader.ts';

function engineAt(query: string, step: number) {
  const trainer = createTrainer(parseExperimentQuery(query).experiment.settings);
  trainer.advance(step, null, null);
  return trainer;
}

describe.runIf(hasBrowser)('the timeline and at= links', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an at= link opens paused at the step, exactly where the engine is after it', async () => {
    const query = '?b=20&epochs=4&at=13';
    const { page, errors } = await openApp(browser, query);
    await page.waitForFunction(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'paused');
    const direct = engineAt(query, 13);
    expect(await statusNumber(page, 'step')).toBe(13);
    expect(await statusNumber(page, 'w1')).toBe(direct.w1);
    expect(await statusNumber(page, 'w2')).toBe(direct.w2);
    expect(await statusNumber(page, 'loss')).toBe(direct.loss);
    expect(new URL(page.url()).search).toBe(query);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('scrubbing back shows the step, records it in the link, and Play goes on from it', async () => {
    const query = '?epochs=5';
    const { page, errors } = await openApp(browser, query);
    for (let e = 1; e <= 3; e++) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step >= ${e * 10}`);
    }
    const range = page.locator('[data-testid="timeline-range"]');
    await range.fill('15');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value') === '15');
    const direct = engineAt(query, 15);
    // The exact state arrives from the worker's replay.
    await page.waitForFunction((w1) => document.querySelector('[data-testid="status-w1"]')?.getAttribute('data-value') === String(w1), direct.w1);
    expect(await statusNumber(page, 'loss')).toBe(direct.loss);
    expect(await page.textContent('[data-testid="timeline-where"]')).toContain('step 15 of 30, epoch 2, batch 5 of 10');
    expect(await page.getAttribute('[data-testid="timeline-range"]', 'aria-valuetext')).toContain('step 15 of 30');
    expect(new URL(page.url()).searchParams.get('at')).toBe('15');
    // The loss chart keeps the whole run and rules the step looked at: halfway along its 30 steps.
    const plot = await page.locator('[data-testid="loss-plot-surface"]').boundingBox();
    const mark = await page.locator('[data-testid="loss-timeline-mark"]').boundingBox();
    expect(plot && mark).toBeTruthy();
    expect(Math.abs(mark!.x - plot!.x - plot!.width / 2)).toBeLessThan(plot!.width * 0.1);
    // Shift+← goes to the previous epoch boundary; ← one step.
    await range.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value') === '10');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value') === '9');
    await page.click('[data-testid="play"]');
    await page.waitForSelector('[data-testid="loss-timeline-mark"]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'running');
    expect(await statusNumber(page, 'step')).toBeLessThan(15);
    await waitForStep(page, 'step >= 12');
    expect(await statusValue(page, 'state')).toBe('running');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the deep model's stable learning rate is taken at the step looked at, not at the live weights", async () => {
    const query = '?model=deep&epochs=5';
    const { page, errors } = await openApp(browser, query);
    for (let e = 1; e <= 3; e++) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step >= ${e * 10}`);
    }
    const live = engineAt(query, 30);
    const fact = page.locator('[data-testid="fact-max-lr"]');
    expect(await fact.textContent()).toContain(`at the current weights (${live.w1.toPrecision(3)}, ${live.w2.toPrecision(3)})`);
    await page.locator('[data-testid="timeline-range"]').fill('2');
    const back = engineAt(query, 2);
    await page.waitForFunction((w1) => document.querySelector('[data-testid="status-w1"]')?.getAttribute('data-value') === String(w1), back.w1);
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="fact-max-lr"]')?.textContent?.includes(text) ?? false,
      `at step 2's weights (${back.w1.toPrecision(3)}, ${back.w2.toPrecision(3)})`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
