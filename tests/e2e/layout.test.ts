// The page at the screens a shared link is opened on, from a phone to a 1440p
// monitor, and in the presentation view: a question's link played to its end,
// then, on that one page load, what a person would notice — sideways
// scrolling, a chart off screen or squeezed, text cut off, labels on top of
// each other, a Play too small for a finger, a transport scrolled out of
// reach — and what axe-core finds. Firefox and WebKit: layoutEngines.test.ts.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { questionById } from '../../src/app/questions.ts';
import { LOSS_STYLE, PRESENT_LOSS_STYLE } from '../../src/panels/loss/style.ts';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { waitForDone } from './statusReader.ts';
import { chartShareFor, layoutProblems, PHONE_MAX_WIDTH, PROBED, probeLayout, SCREENS, type LayoutReport, type Screen } from './layoutProbe.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LINK = questionById('reshuffle')!.link;


/** Every axe-core violation, whatever its impact, as one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } };
    const { violations } = await axe.run();
    return violations.map((v) => `${v.impact ?? '?'} ${v.id}: ${v.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`);
  });
}

/** Opens the question's link at the screen's size, plays it to the end, and waits for the charts to settle. */
async function playedPage(browser: Browser, screen: Screen, query = LINK): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, query, { width: screen.width, height: screen.height }, undefined, screen.device);
  const { page } = opened;
  await page.waitForSelector('[data-testid="status-step"]');
  await (screen.device?.hasTouch ? page.tap('[data-testid="play"]') : page.click('[data-testid="play"]'));
  await waitForDone(page);
  // Two frames: the last chunk's state update, then the charts' redraw from it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return opened;
}

const probe = (page: Page): Promise<LayoutReport> => page.evaluate(probeLayout, [...PROBED]);

/** The width of the full-data loss line in the loss chart's legend: the legend draws with the chart's own style. */
const legendLineWidth = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.querySelector('[data-testid="loss-panel"] .panel-legend li svg line')?.getAttribute('stroke-width')));

describe.runIf(hasBrowser)('the layout at every screen size', () => {
  let browser: Browser;
  const chartHeights = new Map<string, number>();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SCREENS.map((s) => [s.name, s] as const))('%s: no sideways scroll, both charts in view, nothing cut off or overlapping, axe finds nothing', async (_, screen) => {
    const { page, errors } = await playedPage(browser, screen);
    const report = await probe(page);
    chartHeights.set(screen.name, report.boxes['loss-panel']?.height ?? NaN);
    const phone = screen.width <= PHONE_MAX_WIDTH;
    expect(layoutProblems(report, chartShareFor(screen.width))).toEqual([]);
    expect(report.overlaps).toEqual([]);
    for (const chart of ['loss-panel', 'weight-panel', 'data-panel']) expect(report.labelCounts[chart], chart).toBeGreaterThan(8);
    expect(report.boxes['question-explanation'], 'the question is shown').not.toBeNull();

    const loss = report.boxes['loss-panel']!;
    const weights = report.boxes['weight-panel']!;
    if (phone) {
      // One column: the weight space under the loss chart.
      expect(weights.top).toBeGreaterThanOrEqual(loss.bottom);
      const play = report.boxes.play!;
      expect(play.width).toBeGreaterThanOrEqual(44);
      expect(play.height).toBeGreaterThanOrEqual(44);
      // The settings, the questions and the export are folded away below the charts.
      const sections = await page.$$eval('details.section', (els) => els.map((el) => ({ open: (el as HTMLDetailsElement).open, top: el.getBoundingClientRect().top + window.scrollY })));
      expect(sections.map((s) => s.open)).toEqual([false, false, false]);
      for (const s of sections) expect(s.top).toBeGreaterThan(weights.bottom);
      // Scrolled down to the weight space, the transport is still in reach, on top of everything else.
      await page.evaluate(() => document.querySelector('[data-testid="weight-panel"]')!.scrollIntoView({ block: 'center' }));
      const reach = await page.evaluate(() => {
        const r = document.querySelector('[data-testid="reset"]')!.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { scrolled: window.scrollY, top: r.top, bottom: r.bottom, onTop: hit?.closest('[data-testid="reset"]') !== null };
      });
      expect(reach.scrolled).toBeGreaterThan(300);
      expect(reach.top).toBeGreaterThanOrEqual(0);
      expect(reach.bottom).toBeLessThanOrEqual(screen.height);
      expect(reach.onTop).toBe(true);
    } else {
      // Side by side from a tablet up.
      expect(Math.abs(weights.top - loss.top)).toBeLessThan(2);
    }
    if (screen.width >= 1600) expect(loss.height, 'the charts grow with a large screen').toBeGreaterThan(0.55 * screen.height);
    expect(await legendLineWidth(page)).toBe(LOSS_STYLE.full.raw.width);

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // Reads the heights the size tests above measured (they run first, in order): run with them, not alone.
  it('the charts grow taller from a laptop to full HD to 1440p', () => {
    const heights = ['laptop', 'full HD', '1440p'].map((name) => chartHeights.get(name) ?? NaN);
    expect(heights[1]).toBeGreaterThan(heights[0] * 1.5);
    expect(heights[2]).toBeGreaterThan(heights[1] * 1.2);
  });

  it('the presentation view: the question and the transport in the first screen, no settings, thicker lines, nothing overlapping', async () => {
    const screen = SCREENS.find((s) => s.name === 'full HD')!;
    const { page, errors } = await playedPage(browser, screen, `${LINK}&present=1`);
    const report = await probe(page);
    expect(layoutProblems(report, 0.3)).toEqual([]);
    expect(report.overlaps).toEqual([]);
    expect(await page.$('[data-testid="settings"]')).toBeNull();
    expect(await page.$('[data-testid="questions"]')).toBeNull();
    const question = report.boxes['question-explanation']!;
    expect(question.bottom).toBeLessThan(report.boxes['loss-panel']!.top);
    expect(report.boxes.play!.bottom).toBeLessThan(question.top);
    expect(report.boxes['loss-panel']!.bottom).toBeLessThanOrEqual(screen.height);
    const fontSize = await page.$eval('[data-testid="question-explanation"] p', (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    // The presentation style's heavier line reaches the page (tests/panels/shared/presentationStyles.test.ts: it is heavier).
    expect(await legendLineWidth(page)).toBe(PRESENT_LOSS_STYLE.full.raw.width);
    expect(await axeViolations(page)).toEqual([]);

    // The button leaves the view, and the link follows it both ways.
    await page.click('[data-testid="present"]');
    await page.waitForSelector('[data-testid="settings"]');
    expect(await page.evaluate(() => window.location.search)).not.toContain('present');
    await page.click('[data-testid="present"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings"]') === null && window.location.search.includes('present=1'));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
