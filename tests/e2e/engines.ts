// One small driver interface over the three browser engines, so a test is
// written once and runs in each: Chromium through playwright-core, Firefox
// through puppeteer-core over WebDriver BiDi, WebKitGTK's MiniBrowser through
// selenium-webdriver and WebKitWebDriver. A tab can open the app, evaluate a
// function in the page, wait for a condition, click, read text, report the
// page's errors and close; anything engine-specific stays in this file.
import { inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { collectErrors, launchBrowser } from './browser.ts';
import puppeteer, { type BrowserContext as PuppeteerContext } from 'puppeteer-core';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { ERROR_GLOBAL } from './staticServer.ts';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const baseUrl = inject('baseUrl');
const chromiumPath = inject('chromiumPath');
const firefoxPath = inject('firefoxPath');
const webkitDriverUrl = inject('webkitDriverUrl');
const miniBrowserPath = inject('miniBrowserPath');

/** Every engine with whether this machine has it (globalSetup fails under CI=true when one is missing). */
export const ENGINES: readonly { name: EngineName; available: boolean }[] = [
  { name: 'chromium', available: chromiumPath !== '' && baseUrl !== '' },
  { name: 'firefox', available: firefoxPath !== '' && baseUrl !== '' },
  { name: 'webkit', available: webkitDriverUrl !== '' && baseUrl !== '' },
];

export interface Viewport {
  width: number;
  height: number;
}
/** A laptop's screen, as the Chromium-only tests use. */
export const LAPTOP: Viewport = { width: 1366, height: 768 };

/** A function run in the page: it is sent as its source, so it may use only its argument and the page's globals. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface WaitOptions {
  timeout?: number;
  /** Said when the wait times out, instead of the function's source. */
  message?: string;
}

export interface Tab {
  readonly engine: EngineName;
  /** Runs `fn(arg)` in the page and returns its (JSON-serialisable) result, awaited. */
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it returns something truthy. */
  waitFor<A = undefined>(fn: PageFunction<A, unknown>, arg?: A, options?: WaitOptions): Promise<void>;
  /** Waits for the first element matching the selector, then clicks it as a user would. */
  click(selector: string): Promise<void>;
  /** The textContent of the first element matching the selector, once there is one. */
  text(selector: string): Promise<string>;
  /** Console errors, uncaught errors and unhandled rejections of the page so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** Opens the app with the query string (e.g. '?n=60') in a fresh, isolated tab of the given inner size. */
  open(query?: string, viewport?: Viewport): Promise<Tab>;
  /** Closes every tab still open (for afterEach: a failed test leaves its tab behind). */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

const POLL_MS = 50;
const DEFAULT_WAIT_MS = 20_000;

function call<A, R>(fn: PageFunction<A, R>): string {
  return `(${fn.toString()})`;
}

/** Shared by all engines: polling through evaluate behaves the same everywhere. */
abstract class BaseTab implements Tab {
  abstract readonly engine: EngineName;
  abstract evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  protected abstract clickElement(selector: string): Promise<void>;
  abstract errors(): Promise<string[]>;
  abstract close(): Promise<void>;

  async waitFor<A = undefined>(fn: PageFunction<A, unknown>, arg?: A, options: WaitOptions = {}): Promise<void> {
    const timeout = options.timeout ?? DEFAULT_WAIT_MS;
    const deadline = Date.now() + timeout;
    for (;;) {
      if (await this.evaluate(fn, arg)) return;
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${options.message ?? fn.toString()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async click(selector: string): Promise<void> {
    await this.waitFor((s) => document.querySelector(s) !== null, selector, { message: `${selector} to click` });
    await this.clickElement(selector);
  }

  async text(selector: string): Promise<string> {
    await this.waitFor((s) => document.querySelector(s) !== null, selector, { message: selector });
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
  }

  /** What the in-page collector (see staticServer.ts) recorded. */
  protected collected(): Promise<string[]> {
    return this.evaluate((name) => [...((window as unknown as Record<string, string[]>)[name] ?? ['the error collector is missing'])], ERROR_GLOBAL);
  }
}

// ---- Chromium: playwright-core ------------------------------------------------

async function launchChromium(): Promise<Engine> {
  // The same launch as the Chromium-only tests: one list of flags for this machine's closed network.
  const browser = await launchBrowser();
  const contexts = new Set<BrowserContext>();
  return {
    name: 'chromium',
    async open(query = '', viewport = LAPTOP) {
      const context = await browser.newContext({ viewport });
      contexts.add(context);
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(baseUrl + query);
      return new (class extends BaseTab {
        readonly engine = 'chromium' as const;
        evaluate<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
          return page.evaluate(fn as (arg: unknown) => R, arg as unknown);
        }
        protected clickElement(selector: string) {
          return page.click(selector);
        }
        async errors() {
          return [...errors];
        }
        close() {
          contexts.delete(context);
          return context.close();
        }
      })();
    },
    async closeTabs() {
      await Promise.all([...contexts].map((context) => context.close()));
      contexts.clear();
    },
    close: () => browser.close(),
  };
}

// ---- Firefox: puppeteer-core over WebDriver BiDi --------------------------------

async function launchFirefox(): Promise<Engine> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true });
  const contexts = new Set<PuppeteerContext>();
  return {
    name: 'firefox',
    async open(query = '', viewport = LAPTOP) {
      const context = await browser.createBrowserContext();
      contexts.add(context);
      const page = await context.newPage();
      await page.setViewport(viewport);
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.goto(baseUrl + query);
      return new (class extends BaseTab {
        readonly engine = 'firefox' as const;
        evaluate<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
          return page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>;
        }
        protected clickElement(selector: string) {
          return page.click(selector);
        }
        async errors() {
          return [...errors];
        }
        close() {
          contexts.delete(context);
          return context.close();
        }
      })();
    },
    async closeTabs() {
      await Promise.all([...contexts].map((context) => context.close()));
      contexts.clear();
    },
    close: () => browser.close(),
  };
}

// ---- WebKit: selenium-webdriver and WebKitWebDriver (MiniBrowser) --------------

class WebKitTab extends BaseTab {
  readonly engine = 'webkit' as const;
  constructor(
    private readonly driver: WebDriver,
    private readonly handle: string,
    private readonly onClose: (tab: WebKitTab) => Promise<void>,
  ) {
    super();
  }
  /** Every command goes to this tab's window: WebKitWebDriver drives one session, with a window per tab. */
  async focus(): Promise<WebDriver> {
    if ((await this.driver.getWindowHandle()) !== this.handle) await this.driver.switchTo().window(this.handle);
    return this.driver;
  }
  async evaluate<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    // Execute Script awaits a returned promise (W3C WebDriver); undefined arguments travel as null.
    const driver = await this.focus();
    return driver.executeScript(`return ${call(fn)}(arguments[0] === null ? undefined : arguments[0]);`, arg ?? null) as Promise<R>;
  }
  protected async clickElement(selector: string) {
    await (await (await this.focus()).findElement(By.css(selector))).click();
  }
  errors() {
    return this.collected();
  }
  close() {
    return this.onClose(this);
  }
}

async function launchWebKit(): Promise<Engine> {
  // WebKitWebDriver allows one session at a time: the engine is one session
  // and each tab is a window of it. Nothing of the app persists between
  // windows (it keeps no storage), so they are as independent as contexts.
  const driver = await new Builder()
    .usingServer(webkitDriverUrl)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] } })
    .build();
  let idle: string | null = await driver.getWindowHandle();
  const open = new Set<WebKitTab>();
  const closeTab = async (tab: WebKitTab) => {
    if (!open.delete(tab)) return;
    const window = await tab.focus();
    if (open.size === 0) {
      // Closing the last window would end the session: keep it, blank, for the next tab.
      await window.get('about:blank');
      idle = await window.getWindowHandle();
    } else {
      await window.close();
    }
  };
  return {
    name: 'webkit',
    async open(query = '', viewport = LAPTOP) {
      let handle = idle;
      idle = null;
      if (handle === null) {
        await driver.switchTo().newWindow('window');
        handle = await driver.getWindowHandle();
      }
      const tab = new WebKitTab(driver, handle, closeTab);
      open.add(tab);
      await tab.focus();
      // The window's size includes its frame: size it, measure the inside, and correct once.
      await driver.manage().window().setRect({ x: 0, y: 0, ...viewport });
      const inner = await tab.evaluate(() => [window.innerWidth, window.innerHeight]);
      await driver.manage().window().setRect({ width: 2 * viewport.width - inner[0], height: 2 * viewport.height - inner[1] });
      await driver.get(baseUrl + query);
      return tab;
    },
    async closeTabs() {
      for (const tab of [...open]) await closeTab(tab);
    },
    close: () => driver.quit(),
  };
}

export function launchEngine(name: EngineName): Promise<Engine> {
  return name === 'chromium' ? launchChromium() : name === 'firefox' ? launchFirefox() : launchWebKit();
}
