// Shared browser handling for the end-to-end tests: Debian's Chromium driven
// by playwright-core, with every console error and page error collected.
import { inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromiumLaunch.ts';

export const chromiumPath = inject('chromiumPath');
export const baseUrl = inject('baseUrl');
export const hasBrowser = chromiumPath !== '';

export function launchBrowser(): Promise<Browser> {
  return launchChromium(chromiumPath);
}

export interface OpenedPage {
  page: Page;
  errors: string[];
}

/** A phone or tablet rather than a desktop window: a mobile viewport, touch input, a dense screen. */
export type Device = Pick<BrowserContextOptions, 'isMobile' | 'hasTouch' | 'deviceScaleFactor'>;

/**
 * Opens the app (with an optional query string) in a fresh context at a
 * laptop's screen size. `init` runs in the page before the app's own scripts:
 * tests inject faults from outside that way, so no test hook ships in the page.
 */
export async function openApp(browser: Browser, query = '', viewport = { width: 1366, height: 768 }, init?: () => void, device: Device = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, ...device, permissions: ['clipboard-read', 'clipboard-write'] });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(baseUrl + query);
  return { page, errors };
}

/** Every console error and uncaught page error of `page` from now on, as text. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}
