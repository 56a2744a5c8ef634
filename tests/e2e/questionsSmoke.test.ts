// Every guided question in every engine: its link opens the prepared
// experiment, Play runs it, the charts are drawn, and nothing goes wrong.
import { expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app/questions.ts';
import { describeInEngines } from './engineSuite.ts';
import { waitForPainted, waitForStep } from './appTab.ts';

const CHARTS = ['loss-panel', 'weight-panel', 'data-panel'];

describeInEngines("every question's link plays", (engine) => {
  it.each(QUESTIONS.map((q) => [q.id, q] as const))('%s', async (_, question) => {
    const tab = await engine().open(question.link);
    expect(await tab.text('[data-testid="question-explanation"] h2')).toBe(question.title);
    await tab.click('[data-testid="play"]');
    await waitForStep(tab, 'step >= 3');
    for (const chart of CHARTS) await waitForPainted(tab, chart, 200);
    expect(await tab.evaluate(() => document.querySelector('[data-testid="worker-error"]')?.textContent ?? null)).toBeNull();
    expect(await tab.evaluate(() => document.querySelector('[data-testid="notice"]')?.textContent ?? null)).toBeNull();
    expect(await tab.errors()).toEqual([]);
  });
});
