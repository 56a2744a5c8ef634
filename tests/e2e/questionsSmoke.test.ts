// Every guided question in every engine: its link opens the prepared
// experiment, Play runs it, the charts are drawn, and nothing goes wrong.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app/questions.ts';
import { ENGINES, launchEngine, type Engine } from './engines.ts';
import { waitForPainted, waitForStep } from './appTab.ts';

const CHARTS = ['loss-panel', 'weight-panel', 'data-panel'];

for (const { name, available } of ENGINES) {
  describe.runIf(available)(`${name}: every question's link plays`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await launchEngine(name);
    });
    afterEach(async () => {
      await engine?.closeTabs();
    });
    afterAll(async () => {
      await engine?.close();
    });

    it.each(QUESTIONS.map((q) => [q.id, q] as const))('%s', async (_, question) => {
      const tab = await engine.open(question.link);
      expect(await tab.text('[data-testid="question-explanation"] h2')).toBe(question.title);
      await tab.click('[data-testid="play"]');
      await waitForStep(tab, 'step >= 3');
      for (const chart of CHARTS) await waitForPainted(tab, chart, 200);
      expect(await tab.evaluate(() => document.querySelector('[data-testid="worker-error"]')?.textContent ?? null)).toBeNull();
      expect(await tab.evaluate(() => document.querySelector('[data-testid="notice"]')?.textContent ?? null)).toBeNull();
      expect(await tab.errors()).toEqual([]);
    });
  });
}
