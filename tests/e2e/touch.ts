// Real touch input for the end-to-end tests: a phone-sized Chromium page with
// touch, and fingers driven through CDP Input.dispatchTouchEvent — the same
// path a touch screen's events take, so scrolling, touch-action and the
// pointer events the page sees are the browser's own.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openApp } from './browser.ts';

export interface TouchPage {
  page: Page;
  cdp: CDPSession;
  errors: string[];
}

export const PHONE = { width: 390, height: 844 };

/** Opens the app as on a phone: 390×844, device scale 2, mobile viewport, touch. */
export async function openTouchApp(browser: Browser, query = '', viewport = PHONE): Promise<TouchPage> {
  const { page, errors } = await openApp(browser, query, viewport, undefined, { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  return { page, cdp, errors };
}

type Point = readonly [number, number];
const FRAME_MS = 16;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const touchPoints = (points: readonly Point[]) => points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 }));

/** Fingers down at `from`, moved in `steps` frames to `to` (one entry per finger), and lifted. */
export async function touchGesture(cdp: CDPSession, from: readonly Point[], to: readonly Point[], steps = 12, holdMs = 0): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touchPoints(from) });
  if (holdMs > 0) await pause(holdMs);
  for (let i = 1; i <= steps; i++) {
    const at = from.map(([x, y], f) => [x + ((to[f]![0] - x) * i) / steps, y + ((to[f]![1] - y) * i) / steps] as const);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touchPoints(at) });
    await pause(FRAME_MS);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** One finger swiped from `from` to `to`, as a thumb scrolls. */
export const swipe = (cdp: CDPSession, from: Point, to: Point) => touchGesture(cdp, [from], [to]);

/** One finger pressed at `at` and held still for `ms`, then lifted (or, with `then`, moved there first). */
export const hold = (cdp: CDPSession, at: Point, ms: number, then: Point = at) => touchGesture(cdp, [at], [then], then === at ? 0 : 6, ms);

/** Two fingers `from` apart (vertically) around `centre`, spread (or pinched) to `to` apart. */
export const pinch = (cdp: CDPSession, centre: Point, from: number, to: number) =>
  touchGesture(
    cdp,
    [
      [centre[0], centre[1] - from / 2],
      [centre[0], centre[1] + from / 2],
    ],
    [
      [centre[0], centre[1] - to / 2],
      [centre[0], centre[1] + to / 2],
    ],
  );

/**
 * Makes sure the page can scroll down by a screen or more whatever the layout,
 * so a swipe has somewhere to go: room under the content, at the bottom of
 * the window and of every scrolling column.
 */
export async function ensureScrollRoom(page: Page): Promise<void> {
  await page.evaluate(() => {
    const room = `${2 * window.innerHeight}px`;
    document.body.style.paddingBottom = room;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowY } = getComputedStyle(el);
      if (overflowY === 'auto' || overflowY === 'scroll') el.style.paddingBottom = room;
    }
  });
}

/** How far the page has scrolled at an element: the window's scroll plus that of every column around it. */
export function scrolledAt(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    let total = window.scrollY;
    for (let p = el.parentElement; p; p = p.parentElement) total += p.scrollTop;
    return total;
  });
}

/**
 * A point of the element a finger can touch: it is brought to the middle of
 * the screen (unless told not to), and the point is the middle of the part of it no column clips,
 * checked to hit the element itself.
 */
export async function touchPointOf(page: Page, selector: string, bringToMiddle = true): Promise<{ at: Point; width: number; height: number }> {
  return page.$eval(selector, (el, middle) => {
    if (middle) el.scrollIntoView({ block: 'center', inline: 'nearest' });
    let r = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    const clip = (b: DOMRect) => {
      r = { left: Math.max(r.left, b.left), top: Math.max(r.top, b.top), right: Math.min(r.right, b.right), bottom: Math.min(r.bottom, b.bottom) };
    };
    clip(el.getBoundingClientRect());
    for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflow !== 'visible') clip(p.getBoundingClientRect());
    const at: [number, number] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    const hit = document.elementFromPoint(at[0], at[1]);
    if (!hit || !el.contains(hit)) throw new Error(`no touchable point on ${el.outerHTML.slice(0, 80)}: ${hit?.outerHTML.slice(0, 80)} is on top`);
    return { at, width: r.right - r.left, height: r.bottom - r.top };
  }, bringToMiddle);
}
