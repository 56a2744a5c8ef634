// Predict, then play: the learner's guess is asked before the run, and the
// outcome the page reveals is the one measured on the run's numbers (the same
// measure the unit tests check on seeds 1–11), shown only once the run has
// passed the step the question is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { questionById } from '../../src/app/questions.ts';
import { runLink } from '../../src/app/questions/runLink.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';

describe.runIf(hasBrowser)('predict, then play', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('new-epoch: the guess is kept, the outcome waits for epoch 2, then matches the measured one', async () => {
    const question = questionById('new-epoch')!;
    const prediction = question.prediction!;
    const measured = prediction.outcome(runLink(question.link));
    const { page, errors } = await openApp(browser, question.link);
    await page.waitForSelector('[data-testid="prediction"]');
    // The explanation would give the answer away: it is folded until the reveal.
    expect(await page.isVisible('[data-testid="question-text"]')).toBe(false);
    const wrong = prediction.choices.find((c) => c.id !== measured.choice)!;
    await page.check(`[data-testid="prediction"] input[value="${wrong.id}"]`);
    const outcome = page.locator('[data-testid="prediction-outcome"]');
    expect(await outcome.getAttribute('data-outcome')).toBe('');
    await page.click('[data-testid="step-epoch"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="status-epoch"]')?.getAttribute('data-value')) >= 1);
    // After epoch 1 ends, epoch 2 has not had its first step: still hidden.
    expect(await outcome.getAttribute('data-outcome')).toBe('');
    await page.click('[data-testid="step-epoch"]');
    await page.waitForSelector('[data-testid="prediction"][data-revealed="true"]');
    expect(await outcome.getAttribute('data-outcome')).toBe(measured.choice);
    expect(await outcome.getAttribute('data-guess')).toBe(wrong.id);
    const text = await outcome.textContent();
    expect(text).toContain(`You guessed “${wrong.text}”`);
    expect(text?.toLowerCase()).toContain(prediction.choices.find((c) => c.id === measured.choice)!.text.toLowerCase());
    expect(await page.isVisible('[data-testid="question-text"]')).toBe(true);
    // The guess stays on the page: not in the link, which holds the experiment and, paused part-way, its moment.
    const search = new URL(page.url()).searchParams;
    search.delete('at');
    expect(`?${search.toString()}`.replaceAll('%2C', ',').replaceAll('%3A', ':')).toBe(question.link);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
