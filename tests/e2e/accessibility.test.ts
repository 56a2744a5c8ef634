// The page as someone using a screen reader or only a keyboard meets it: axe-core
// finds no serious or critical problem in any state a learner reaches, Tab
// reaches every control that matters, and the shortcuts drive the run.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { statusNumber, waitForStep } from './statusReader.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Every axe-core violation on the page as it is now, reduced to what a failure message needs. */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
}

function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id} (${v.help}):\n    ${v.targets.join('\n    ')}`).join('\n');
}

async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const all = await axeViolations(page);
  const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${state}:\n${describeViolations(all)}`).toEqual([]);
}

/** Presses Tab from the top of the page until focus comes back round, naming each element focus lands on. */
async function tabOrder(page: Page, limit = 250): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      return el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}]`;
    });
    if (name && name === seen[0]) break;
    if (name) seen.push(name);
  }
  return seen;
}

/** Leaves no element focused, as after a click on the page's background. */
const focusPageBody = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const stateIs = (page: Page, state: string) =>
  page.waitForFunction((s) => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === s, state, { timeout: 30_000 });

describe.runIf(hasBrowser)('accessibility in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('axe finds nothing serious on the fresh page, after 3 epochs, in a shuffle comparison and with a question open', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    await expectNoSeriousViolations(page, 'fresh page');

    for (let e = 1; e <= 3; e++) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step === ${e * 10}`);
    }
    await page.waitForTimeout(300);
    await expectNoSeriousViolations(page, 'after 3 epochs');

    await page.click('[data-testid="compare-shuffle"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-list"] li').length === 5);
    await page.click('[data-testid="step-epoch"]');
    await waitForStep(page, 'step === 10');
    await page.waitForTimeout(300);
    await expectNoSeriousViolations(page, 'shuffle comparison');

    await page.click('[data-testid="question-new-epoch"]');
    await page.waitForSelector('[data-testid="question-explanation"]');
    await page.waitForTimeout(300);
    await expectNoSeriousViolations(page, 'question open');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('axe finds nothing serious in the notice about a bad link, nor after the run diverged', async () => {
    const bad = await openApp(browser, '?b=0&zz=1');
    await bad.page.waitForSelector('[data-testid="notice"]');
    await expectNoSeriousViolations(bad.page, 'bad-link notice');
    expect(bad.errors).toEqual([]);
    await bad.page.context().close();

    const { page, errors } = await openApp(browser, '?lr=5');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.click('[data-testid="play"]');
    await stateIs(page, 'diverged');
    await page.waitForTimeout(300);
    await expectNoSeriousViolations(page, 'diverged run');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Tab reaches the play button, every setting and every question link', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForSelector('[data-testid="status-step"]');
    const settings = await page.$$eval('[data-testid="settings"] [data-testid^="setting-"]', (els) => els.map((el) => el.getAttribute('data-testid')));
    const questions = await page.$$eval('[data-testid^="question-"]', (els) => els.map((el) => el.getAttribute('data-testid')));
    expect(settings.length).toBeGreaterThan(5);
    expect(questions.length).toBeGreaterThan(3);
    const order = await tabOrder(page);
    for (const id of ['play', 'step', 'step-epoch', 'reset', 'speed', ...settings, ...questions]) expect(order, `Tab never reaches ${id}`).toContain(id);
    // Play comes before the settings, so a keyboard user can start a run without tabbing through every field.
    expect(order.indexOf('play')).toBeLessThan(order.indexOf(settings[0]!));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('space plays and pauses, → steps, r resets — from the page, not while typing in a field', async () => {
    const { page, errors } = await openApp(browser, '?n=100&b=8');
    await page.waitForSelector('[data-testid="status-step"]');
    await focusPageBody(page);

    await page.keyboard.press('Space');
    await stateIs(page, 'running');
    await waitForStep(page, 'step >= 3');
    await page.keyboard.press('Space');
    await stateIs(page, 'paused');
    const held = await statusNumber(page, 'step');
    await page.waitForTimeout(400);
    expect(await statusNumber(page, 'step')).toBe(held);

    await page.keyboard.press('ArrowRight');
    await waitForStep(page, `step === ${held + 1}`);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, `step === ${held + 2}`);

    await page.keyboard.press('r');
    await waitForStep(page, 'step === 0');

    // Keys typed into a setting belong to the field.
    await page.focus('[data-testid="setting-lr"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('r');
    await page.waitForTimeout(400);
    expect(await statusNumber(page, 'step')).toBe(0);
    expect(await page.getAttribute('[data-testid="status-state"]', 'data-value')).not.toBe('running');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
