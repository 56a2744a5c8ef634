// The keyboard as the other input: the batch-size slider steps through batch
// sizes (a one-tick move used to round back to the same b), and space plays
// and pauses after a click on a checkbox or a link instead of pressing it
// again, while a control reached with Tab keeps its own space.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';

const SLIDER = '[data-testid="batch-slider"]';
const bOf = async (page: Page) => Number(await page.inputValue('[data-testid="setting-b"]'));
const stateOf = (page: Page) => page.getAttribute('[data-testid="status-state"]', 'data-value');
const stateIs = (page: Page, state: string) =>
  page.waitForFunction((s) => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === s, state, { timeout: 30_000 });

/** Presses a key on the slider and waits for the batch-size field to show a b other than `from`. */
async function pressAndRead(page: Page, key: string, from: number): Promise<number> {
  await page.keyboard.press(key);
  await page.waitForFunction((b) => Number((document.querySelector('[data-testid="setting-b"]') as HTMLInputElement).value) !== b, from, { timeout: 5000 });
  return bOf(page);
}

describe.runIf(hasBrowser)('the keyboard in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('← on the slider from b = 10 gives a smaller b at every press; End gives n, Home 1, PageUp a big step', async () => {
    const { page, errors } = await openApp(browser, '?n=1000&b=10');
    await page.waitForSelector('[data-testid="status-step"]');
    await page.focus(SLIDER);
    const seen = [await bOf(page)];
    for (let i = 0; i < 9; i++) seen.push(await pressAndRead(page, 'ArrowLeft', seen.at(-1)!));
    expect(seen).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // At 1 there is no smaller b: the press changes nothing.
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    expect(await bOf(page)).toBe(1);

    expect(await pressAndRead(page, 'End', 1)).toBe(1000);
    expect(await page.getAttribute(SLIDER, 'aria-valuetext')).toBe('batch size 1,000');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    expect(await bOf(page), 'no b above n').toBe(1000);
    expect(await pressAndRead(page, 'Home', 1000)).toBe(1);
    const paged = await pressAndRead(page, 'PageUp', 1);
    expect(paged).toBeGreaterThan(1);
    const stepped = await pressAndRead(page, 'ArrowUp', paged);
    expect(stepped).toBeGreaterThan(paged);
    expect(await page.getAttribute(SLIDER, 'aria-valuetext')).toBe(`batch size ${stepped}`);
    expect(new URL(page.url()).searchParams.get('b')).toBe(String(stepped));

    // Space on the slider plays: the arrows are the slider's, space is not.
    await page.keyboard.press('Space');
    await stateIs(page, 'running');
    expect(await bOf(page)).toBe(stepped);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after a click on "log y", space plays and pauses and leaves log y as clicked; a checkbox reached with Tab keeps its space', async () => {
    const { page, errors } = await openApp(browser, '?n=100&b=8&speed=30');
    await page.waitForSelector('[data-testid="status-step"]');
    const logY = '[data-testid="log-y"]';
    const wasChecked = await page.isChecked(logY);
    await page.click(logY);
    expect(await page.isChecked(logY)).toBe(!wasChecked);
    await page.keyboard.press('Space');
    await stateIs(page, 'running');
    expect(await page.isChecked(logY), 'space did not press log y again').toBe(!wasChecked);
    await page.keyboard.press('Space');
    await stateIs(page, 'paused');
    expect(await page.isChecked(logY)).toBe(!wasChecked);

    // Tab to the next control: that one was reached by keyboard, so space is its own.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toBe('log-x');
    const logXBefore = await page.isChecked('[data-testid="log-x"]');
    await page.keyboard.press('Space');
    await page.waitForFunction((was) => (document.querySelector('[data-testid="log-x"]') as HTMLInputElement).checked !== was, logXBefore);
    await page.waitForTimeout(300);
    expect(await stateOf(page)).toBe('paused');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after a click on a question link, space plays the question’s run', async () => {
    const { page, errors } = await openApp(browser, '?speed=30');
    await page.waitForSelector('[data-testid="status-step"]');
    const link = page.locator('[data-testid^="question-"]').first();
    await link.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
    await page.waitForSelector('[data-testid="status-step"]');
    await page.keyboard.press('Space');
    await stateIs(page, 'running');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
