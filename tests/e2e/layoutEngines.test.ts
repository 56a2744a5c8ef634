// The layout checks a person would notice first, in every engine: at each
// screen size the page never scrolls sideways, both main charts lie inside the
// viewport (at least 90% wide on a phone) and no text block is cut off.
// Chromium's fuller checks (labels, touch, axe, presentation): layout.test.ts.
import { expect, it } from 'vitest';
import { questionById } from '../../src/app/questions.ts';
import { describeInEngines } from './engineSuite.ts';
import type { Engine, PageFunction } from './engines.ts';
import { countPainted } from './appTab.ts';
import { chartShareFor, layoutProblems, PROBED, probeLayout, SCREENS, type Screen } from './layoutProbe.ts';
import { ERROR_GLOBAL } from './staticServer.ts';

const LINK = questionById('reshuffle')!.link;
const POLL_MS = 50;
const WAIT_MS = 30_000;

/** Runs page functions in the app as laid out at the screen's size. */
interface AppView {
  run<R, A>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  errors(): Promise<string[]>;
}

/**
 * Opens the link at the screen's size. A window the engine cannot make that
 * narrow (MiniBrowser's toolbar keeps WebKit's at 447 px or more) shows the
 * app in a frame of exactly that size instead: a frame is a viewport of its
 * own, for layout and media queries alike, so the page is laid out as on the
 * phone; every function then runs in the frame's window.
 */
async function openAt(engine: Engine, screen: Screen): Promise<AppView> {
  const tab = await engine.open(LINK, { width: screen.width, height: screen.height });
  if ((await tab.evaluate(() => window.innerWidth)) === screen.width) {
    return { run: (fn, arg) => tab.evaluate(fn, arg), errors: () => tab.errors() };
  }
  await tab.evaluate(
    ([link, width, height]) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.style.cssText = `position: fixed; left: 0; top: 0; width: ${width}px; height: ${height}px; border: 0`;
        frame.addEventListener('load', () => resolve(), { once: true });
        frame.src = link;
        document.body.replaceChildren(frame);
      }),
    [LINK, screen.width, screen.height] as [string, number, number],
  );
  const run = <R, A>(fn: PageFunction<A, R>, arg: A) =>
    tab.evaluate(
      ([source, a]) => {
        const inner = document.querySelector('iframe')!.contentWindow as Window & typeof globalThis;
        return new inner.Function('a', `return (${source})(a)`)(a) as R;
      },
      [fn.toString(), arg] as [string, A],
    );
  return { run, errors: () => run((name) => [...((window as unknown as Record<string, string[]>)[name] ?? ['the error collector is missing'])], ERROR_GLOBAL) };
}

async function waitUntil<A>(view: AppView, fn: PageFunction<A, unknown>, arg: A, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await view.run(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

describeInEngines('the layout at every screen size', (engine) => {
  it.each(SCREENS.map((s) => [s.name, s] as const))('%s: no sideways scroll, both charts inside the viewport', async (_, screen) => {
    const view = await openAt(engine(), screen);
    expect(await view.run(() => [window.innerWidth, window.innerHeight], undefined)).toEqual([screen.width, screen.height]);
    await waitUntil(view, () => document.querySelector('[data-testid="play"]') !== null, undefined, 'the app');
    await view.run(() => (document.querySelector('[data-testid="play"]') as HTMLButtonElement).click(), undefined);
    await waitUntil(
      view,
      () => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'done' && document.querySelector('canvas[data-held]') === null,
      undefined,
      'the question to play to its end and its charts to settle',
    );
    for (const chart of ['loss-panel', 'weight-panel']) {
      await waitUntil(view, ([source, id]) => (new Function(`return ${source}`)() as (id: string) => number)(id) > 200, [countPainted.toString(), chart], `${chart} to be drawn`);
    }
    const report = await view.run(probeLayout, [...PROBED]);
    expect(layoutProblems(report, chartShareFor(screen.width))).toEqual([]);
    expect(await view.errors()).toEqual([]);
  });
});
