// Builds the app once, serves dist/ from a sub-path on localhost (proving the
// relative base works), and tells the tests where each browser engine is:
// Chromium (playwright-core), Firefox (puppeteer-core over WebDriver BiDi) and
// WebKitGTK (WebKitWebDriver, which starts MiniBrowser, on an X display this
// setup starts itself with Xvfb, so `npm test` needs no xvfb-run wrapper).
// Without an engine its tests are reported as skipped, loudly — except under
// CI=true, where a missing browser fails the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { buildSite } from './buildSite.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
const WEBKIT_DRIVER_CANDIDATES = [process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'];
const MINIBROWSER_CANDIDATES = [process.env.MINIBROWSER_PATH, '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'];
const XVFB_CANDIDATES = ['/usr/bin/Xvfb'];
export const SUB_PATH = '/lab/epoch/';

function firstExisting(candidates: (string | undefined)[]): string {
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? '';
}

/** Under CI a missing engine fails the run; elsewhere its tests are skipped with a banner nobody can miss. */
function missing(message: string): void {
  if (process.env.CI === 'true') throw new Error(`${message}. Under CI a missing browser fails the run.`);
  console.warn(`\n${'!'.repeat(78)}\n!! END-TO-END TESTS SKIPPED: ${message}\n${'!'.repeat(78)}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a private X server on a free display (Xvfb picks it and writes its number to fd 3). */
function startXvfb(xvfb: string): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  return new Promise((resolve, reject) => {
    let written = '';
    const timer = setTimeout(() => fail(new Error('Xvfb did not report a display within 20 s')), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${error.message}\n${stderr}`));
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => {
      written += String(chunk);
      if (!written.includes('\n')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ display: `:${written.trim()}`, process: child });
    });
  });
}

/** Starts WebKitWebDriver on a free port with the given display and waits until it answers /status. */
async function startWebKitDriver(driver: string, display: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) return { url, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`WebKitWebDriver did not start on ${url}\n${stderr}`);
}

export default async function setup(project: TestProject) {
  const children: ChildProcess[] = [];
  const stopChildren = () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill();
  };
  process.once('exit', stopChildren);

  const chromium = firstExisting(CHROMIUM_CANDIDATES);
  if (!chromium) missing('No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium). Install it: apt-get install -y chromium');
  const firefox = firstExisting(FIREFOX_CANDIDATES);
  if (!firefox) missing('No Firefox found (looked at $FIREFOX_PATH, /usr/bin/firefox-esr). Install it: apt-get install -y firefox-esr');

  let webkitDriverUrl = '';
  const webkitDriver = firstExisting(WEBKIT_DRIVER_CANDIDATES);
  const miniBrowser = firstExisting(MINIBROWSER_CANDIDATES);
  const xvfb = firstExisting(XVFB_CANDIDATES);
  if (!webkitDriver || !miniBrowser) {
    missing('No WebKitWebDriver/MiniBrowser found (looked at /usr/bin/WebKitWebDriver). Install them: apt-get install -y webkit2gtk-driver xvfb');
  } else if (!xvfb && !process.env.DISPLAY) {
    missing('WebKit needs an X display: no Xvfb found and $DISPLAY is not set. Install it: apt-get install -y xvfb');
  } else {
    let display = process.env.DISPLAY ?? '';
    if (xvfb) {
      // A private display even when one is set: the tests must not depend on, or flash windows on, the user's screen.
      const x = await startXvfb(xvfb);
      children.push(x.process);
      display = x.display;
    }
    const driver = await startWebKitDriver(webkitDriver, display);
    children.push(driver.process);
    webkitDriverUrl = driver.url;
  }

  project.provide('chromiumPath', chromium);
  project.provide('firefoxPath', firefox);
  project.provide('webkitDriverUrl', webkitDriverUrl);
  project.provide('miniBrowserPath', webkitDriverUrl ? miniBrowser : '');
  if (!chromium && !firefox && !webkitDriverUrl) {
    project.provide('baseUrl', '');
    stopChildren();
    return;
  }
  let server: StaticServer;
  try {
    await buildSite('dist');
    server = await startStaticServer('dist', SUB_PATH);
  } catch (error) {
    stopChildren();
    throw error;
  }
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
    stopChildren();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    firefoxPath: string;
    /** The WebKitWebDriver server ('' without WebKit); it starts MiniBrowser on a display of its own. */
    webkitDriverUrl: string;
    miniBrowserPath: string;
    baseUrl: string;
  }
}
