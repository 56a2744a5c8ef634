// Faults injected into the page from outside, before the app's scripts run:
// Worker is wrapped so a test can spoil a chunk, make the first worker hang
// (nothing in or out, as in a busy loop) or terminate it, and canvases can be
// made to throw. The controls live on window.__faults, which only this script
// defines; the app knows nothing of them.
import type { Page } from 'playwright-core';

export interface FaultControls {
  /** Spoils the next chunk of the first worker that carries a run. */
  spoil: 'cursor' | 'loss' | null;
  /** Spoils the chunks of every later worker too (a fault that repeats), until cleared. */
  spoilLater: boolean;
  /** The first worker neither takes in nor sends anything more. */
  hang: boolean;
  /** Every getContext call throws. */
  breakCanvas: boolean;
  /** Messages the page tried to post to each worker, by worker. */
  posted: number[];
  workers: Worker[];
}

/** Runs in the page (serialised by playwright): keep it self-contained. */
export function injectFaults(): void {
  const faults: FaultControls = { spoil: null, spoilLater: false, hang: false, breakCanvas: false, posted: [], workers: [] };
  (window as unknown as { __faults: FaultControls }).__faults = faults;
  const RealWorker = window.Worker;
  const onmessage = Object.getOwnPropertyDescriptor(RealWorker.prototype, 'onmessage')!;
  const postMessage = RealWorker.prototype.postMessage;
  class FaultyWorker extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const index = faults.workers.push(this) - 1;
      faults.posted.push(0);
      let handler: ((event: MessageEvent) => void) | null = null;
      const first = () => index === 0;
      onmessage.set!.call(this, (event: MessageEvent) => {
        if (first() && faults.hang) return;
        let data = event.data as { type?: string; runs?: Record<string, unknown>[] };
        const spoilHere = first() ? faults.spoil !== null : faults.spoilLater;
        if (spoilHere && data?.type === 'chunk' && data.runs?.length) {
          data = { ...data, runs: [{ ...data.runs[0], ...(faults.spoil === 'loss' ? { loss: null } : { cursor: { step: 'x' } }) }, ...data.runs.slice(1)] };
          if (first()) faults.spoil = null;
        }
        handler?.call(this, data === event.data ? event : new MessageEvent('message', { data }));
      });
      Object.defineProperty(this, 'onmessage', { configurable: true, get: () => handler, set: (fn: typeof handler) => (handler = fn) });
      this.postMessage = (...args: unknown[]) => {
        faults.posted[index]++;
        if (first() && faults.hang) return;
        (postMessage as (...a: unknown[]) => void).apply(this, args);
      };
    }
  }
  window.Worker = FaultyWorker;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof getContext>) {
    if (faults.breakCanvas) throw new Error('injected: this canvas cannot draw');
    return getContext.apply(this, args);
  } as typeof getContext;
}

/** Changes the injected faults from the test. */
export function setFaults(page: Page, patch: Partial<Pick<FaultControls, 'spoil' | 'spoilLater' | 'hang' | 'breakCanvas'>>): Promise<void> {
  return page.evaluate((p) => void Object.assign((window as unknown as { __faults: FaultControls }).__faults, p), patch);
}

export function faultState(page: Page): Promise<{ posted: number[]; workers: number }> {
  return page.evaluate(() => {
    const f = (window as unknown as { __faults: FaultControls }).__faults;
    return { posted: [...f.posted], workers: f.workers.length };
  });
}

/** Terminates the first worker behind the page's back. */
export function terminateFirstWorker(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __faults: FaultControls }).__faults.workers[0].terminate());
}
