// Every question's claims hold on what the page itself computed: each link is
// opened in Chromium (at speed max, nothing else changed), played to the end,
// and the claims are checked on the page's JSON export of its runs.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { QUESTIONS } from '../../src/app/questions.ts';
import type { Runs } from '../../src/app/questions/claims.ts';
import { experimentToQuery, parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';

async function exportedRuns(page: Page): Promise<Runs> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as Runs;
}

/** The question's link with only the playback speed changed, so the test does not wait on the pace meant for a person. */
function atFullSpeed(link: string): string {
  const { experiment } = parseExperimentQuery(link);
  return experimentToQuery({ ...experiment, view: { ...experiment.view, speed: 'max' } });
}

describe.runIf(hasBrowser)('every question’s claims hold on the page’s own exports', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(QUESTIONS.map((q) => [q.id, q] as const))('%s', async (_id, question) => {
    const { page, errors } = await openApp(browser, atFullSpeed(question.link));
    await page.waitForSelector('[data-testid="question-explanation"]');
    expect(await page.textContent('[data-testid="question-text"]')).toBe(question.explanation);
    const runCount = parseExperimentQuery(question.link).experiment.runs.length || 1;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="status-state"]').length === n, runCount);
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid^="status-state"]')].every((el) => el.getAttribute('data-value') === 'done'),
      undefined,
      { timeout: 90_000 },
    );
    const runs = await exportedRuns(page);
    expect(runs).toHaveLength(runCount);
    for (const run of runs) expect(run.status).toBe('done');
    for (const claim of question.claims) {
      const check = claim.check(runs);
      expect(check.holds, `${claim.says}: ${check.numbers}`).toBe(true);
    }
    // The page's own check of the claims, shown under the explanation, agrees.
    await page.waitForSelector('[data-testid="question-checks"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="question-checks"]', 'data-held')).toBe(String(question.claims.length));
    expect(await page.getAttribute('[data-testid="question-checks"]', 'data-claims')).toBe(String(question.claims.length));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
