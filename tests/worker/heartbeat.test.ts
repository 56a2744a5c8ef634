import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { HEARTBEAT_MS } from '../../src/worker/protocol.ts';
import { Harness, settings } from './runnerHarness.ts';

function beatTimes(h: Harness): number[] {
  return h.posted.filter((p) => p.message.type === 'heartbeat').map((p) => p.at);
}

describe('TrainingRunner: heartbeat', () => {
  it('beats between runs while a configure takes longer than HEARTBEAT_MS (large data sets), before its first chunk', () => {
    // Each trainer costs 400 ms of the fake clock, as a run of n = 10⁶ may in the browser.
    const h: Harness = new Harness(0.01, {
      createTrainer: (s, lender) => {
        h.scheduler.time += 400;
        return createTrainer(s, lender);
      },
    });
    h.configure(['a', 'b', 'c', 'd'].map((id, i) => ({ id, settings: settings({ seed: i + 1 }) })));
    const types = h.posted.map((p) => p.message.type);
    const firstChunk = types.indexOf('chunk');
    expect(types.slice(0, firstChunk).filter((t) => t === 'heartbeat')).toHaveLength(2); // after 800 ms and after 1600 ms
    expect(types.slice(firstChunk).filter((t) => t === 'heartbeat')).toHaveLength(0);

    const quick = new Harness(0.01);
    quick.configure([{ id: 'a', settings: settings() }]);
    expect(beatTimes(quick)).toEqual([]);
  });

  it('beats about every HEARTBEAT_MS while it has work, slow chunks or not, and is silent when idle', () => {
    const h = new Harness(0.01);
    h.configure([{ id: 'a', settings: settings({ epochs: 1000 }) }]);
    h.scheduler.advance(2000);
    expect(beatTimes(h)).toEqual([]); // configured, not playing: nothing to do
    h.send({ type: 'speed', stepsPerSecond: 0.2 }); // a step every 5 s
    h.send({ type: 'play' });
    const from = h.scheduler.time;
    h.scheduler.advance(3000);
    const beats = beatTimes(h);
    expect(beats.length).toBe(Math.floor(3000 / HEARTBEAT_MS));
    for (let i = 1; i < beats.length; i++) expect(beats[i] - beats[i - 1]).toBeCloseTo(HEARTBEAT_MS, 0);
    expect(beats[0] - from).toBeCloseTo(HEARTBEAT_MS, 0);
    expect(h.posted.filter((p) => p.message.type === 'heartbeat').every((p) => p.message.type === 'heartbeat' && p.message.session === 1)).toBe(true);
    h.send({ type: 'pause' });
    h.scheduler.advance(HEARTBEAT_MS * 4);
    const afterPause = beatTimes(h).length;
    h.scheduler.advance(HEARTBEAT_MS * 4);
    expect(beatTimes(h).length).toBe(afterPause);
    expect(h.scheduler.pendingTimers).toBe(0);
  });

  it('keeps beating while a chunk waits for the page’s ack, and stops once every run is done', () => {
    const h = new Harness(0.02, { flowControl: true });
    h.configure([{ id: 'a', settings: settings({ b: 1, epochs: 100_000 }) }]);
    h.send({ type: 'ack', session: 1 });
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(2000);
    expect(h.chunks()).toHaveLength(2); // held back by flow control…
    expect(beatTimes(h).length).toBeGreaterThanOrEqual(3); // …but alive

    const done = new Harness(0.01);
    done.configure([{ id: 'a', settings: settings({ epochs: 1 }) }]);
    done.send({ type: 'speed', stepsPerSecond: 'max' });
    done.send({ type: 'play' });
    done.runUntilSettled(10_000);
    expect(done.lastStatus().status).toBe('done');
    expect(done.scheduler.pendingTimers).toBe(0);
  });
});
