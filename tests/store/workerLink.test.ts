import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/index.ts';
import { WorkerLink, type WorkerEvents } from '../../src/store/workerLink.ts';
import type { WorkerLike } from '../../src/store/workerLike.ts';
import type { InMessage } from '../../src/worker/protocol.ts';
import { chunkMessage, cursor } from '../worker/outMessages.ts';

class StubWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly sent: InMessage[] = [];
  terminated = false;
  postMessage(message: InMessage): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

function setup() {
  const workers: StubWorker[] = [];
  const draws: (() => void)[] = [];
  const seen: string[] = [];
  const events: WorkerEvents = {
    chunk: (runs) => {
      seen.push(`chunk ${runs.map((r) => r.id).join(',')}`);
      return null;
    },
    status: (status) => seen.push(`status ${status}`),
    failure: (reason) => seen.push(`failure ${reason}`),
  };
  const link = new WorkerLink(
    () => {
      const w = new StubWorker();
      workers.push(w);
      return w;
    },
    (callback) => draws.push(callback),
    events,
  );
  const chunk = (session: number) => chunkMessage(session);
  return { link, workers, draws, seen, chunk, runs: [{ id: 'a', settings: { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0] as [number, number] } }] };
}

describe('worker link', () => {
  it('starts a worker on the first configure and numbers each configure and reset as a new session', () => {
    const t = setup();
    expect(t.link.alive).toBe(false);
    t.link.configure(t.runs, 10, true);
    expect(t.link.alive).toBe(true);
    const [w] = t.workers;
    expect(w.sent).toEqual([{ type: 'speed', stepsPerSecond: 10 }, { type: 'configure', session: 1, runs: t.runs }, { type: 'play' }]);
    t.link.reset();
    t.link.configure(t.runs, 'max', false);
    expect(t.workers).toHaveLength(1);
    expect(w.sent.slice(3).map((m) => ('session' in m ? `${m.type} ${m.session}` : m.type))).toEqual(['reset 2', 'speed', 'configure 3']);
  });

  it('acks a chunk only once the page has drawn it, and not at all once the session has moved on', () => {
    const t = setup();
    t.link.configure(t.runs, 10, false);
    const [w] = t.workers;
    const before = w.sent.length;
    w.send(t.chunk(1));
    expect(t.seen).toEqual(['chunk a']);
    expect(w.sent).toHaveLength(before);
    t.draws.shift()!();
    expect(w.sent.at(-1)).toEqual({ type: 'ack', session: 1 });
    w.send(t.chunk(1));
    t.link.reset();
    t.draws.shift()!();
    expect(w.sent.at(-1)).toEqual({ type: 'reset', session: 2 });
  });

  it('drops messages of an earlier session and hands on statuses of the current one', () => {
    const t = setup();
    t.link.configure(t.runs, 10, false);
    t.link.reset();
    const [w] = t.workers;
    w.send(t.chunk(1));
    w.send({ type: 'status', session: 1, status: 'done', runs: [] });
    w.send({ type: 'status', session: 2, status: 'paused', runs: [] });
    expect(t.seen).toEqual(['status paused']);
    expect(t.draws).toHaveLength(0);
  });

  it('lets go of a worker that fails, whatever the way, and reads nothing more from it', () => {
    for (const failWith of [
      (w: StubWorker) => w.send({ type: 'status', session: 1, status: 'error', runs: [], message: 'nan everywhere' }),
      (w: StubWorker) => w.send({ type: 'error', message: 'nan everywhere' }),
      (w: StubWorker) => w.send('nonsense'),
      (w: StubWorker) => w.send({ ...chunkMessage(1), runs: [{ ...chunkMessage(1).runs[0], loss: null }] }),
      (w: StubWorker) => w.send({ ...chunkMessage(1), runs: [{ ...chunkMessage(1).runs[0], cursor: { ...cursor(), batch: null } }] }),
      (w: StubWorker) => w.onerror?.({ message: '  ' } as ErrorEvent),
    ]) {
      const t = setup();
      t.link.configure(t.runs, 10, false);
      const [w] = t.workers;
      failWith(w);
      expect(t.seen).toHaveLength(1);
      expect(t.seen[0]).toMatch(/^failure (nan everywhere|the training worker sent a message the page cannot read \(.+\)|the training worker stopped unexpectedly)$/);
      expect(w.terminated).toBe(true);
      expect(t.link.alive).toBe(false);
      expect(w.onmessage).toBeNull();
    }
  });

  it('reports a worker that cannot be started, and tries again on the next configure', () => {
    let attempts = 0;
    const seen: string[] = [];
    const link = new WorkerLink(
      () => {
        attempts++;
        throw new Error('no workers here');
      },
      () => {},
      { chunk: () => null, status: () => {}, failure: (reason) => seen.push(reason) },
    );
    link.configure([], 10, false);
    link.post({ type: 'play' });
    link.configure([], 10, false);
    expect(attempts).toBe(2);
    expect(seen).toEqual(['the training worker could not be started (no workers here)', 'the training worker could not be started (no workers here)']);
  });
});
