import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { FRAME_MS } from '../../src/worker/pacing.ts';
import { bytes, Harness, settings } from './runnerHarness.ts';

describe('TrainingRunner: sessions and failures', () => {
  it('remove stops one run while the others go on where they are', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings({ epochs: 50 }) }, { id: 'b', settings: settings({ b: 5, epochs: 50 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 100 });
    h.send({ type: 'play' });
    h.scheduler.advance(500);
    const before = h.stepOf('b');
    h.send({ type: 'remove', id: 'a' });
    h.send({ type: 'remove', id: 'nobody' });
    const mark = h.chunks().length;
    h.scheduler.advance(500);
    const later = h.chunks().slice(mark);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((c) => c.runs.every((r) => r.id === 'b'))).toBe(true);
    // b is now the first run, so the speed is its own: 100 steps/s instead of the 200 it took beside a.
    expect(Math.abs(h.stepOf('b') - before - 50)).toBeLessThanOrEqual(2);
    expect(h.lastStatus().runs.map((r) => r.id)).toEqual(['b']);
    expect(h.errors()).toEqual([]);
    h.send({ type: 'remove', id: 'b' });
    h.scheduler.advance(500);
    expect(h.scheduler.pendingTimers).toBe(0);
  });

  it('reset starts every run again under the new session and reproduces it exactly', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings() }], 1);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(1000);
    const first = h.column('a', 'loss');
    h.send({ type: 'reset', session: 2 });
    expect(h.lastStatus()).toMatchObject({ session: 2, status: 'idle' });
    h.send({ type: 'play' });
    h.runUntilSettled(1000);
    // The harness rebuilds the series of the last session only: after the reset, the same rows again.
    expect(h.chunks().at(-1)?.runs[0]).toBeDefined();
    expect(h.posted.filter((p) => p.message.type === 'chunk').at(-1)?.message).toMatchObject({ session: 2 });
    expect(bytes(h.column('a', 'loss'))).toEqual(bytes(first));
  });

  it('replies to a malformed message with an error and keeps working', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings() }]);
    h.send({ type: 'warp' });
    h.send({ type: 'speed', stepsPerSecond: -1 });
    h.send(null);
    expect(h.errors()).toHaveLength(3);
    h.send({ type: 'step' });
    h.scheduler.advance(FRAME_MS);
    expect(h.stepOf('a')).toBe(1);
  });

  it('refuses commands before any run is configured', () => {
    const h = new Harness();
    h.send({ type: 'play' });
    expect(h.errors()).toEqual(['play: no runs are configured yet']);
  });

  it('turns an exception inside training into an error and an error status', () => {
    let calls = 0;
    const h = new Harness(0.01, {
      createTrainer: (s) => {
        const trainer = createTrainer(s);
        return new Proxy(trainer, {
          get(target, key) {
            if (key === 'advance') {
              return (...args: Parameters<typeof trainer.advance>) => {
                if (++calls > 3) throw new Error('engine broke');
                return target.advance(...args);
              };
            }
            const value = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      },
    });
    h.configure([{ id: 'a', settings: settings({ epochs: 1000 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(200);
    expect(h.errors()).toEqual(['engine broke']);
    expect(h.lastStatus()).toMatchObject({ status: 'error', message: 'engine broke', runs: [{ status: 'error', message: 'engine broke' }] });
    expect(h.scheduler.pendingTimers).toBe(0);
    h.send({ type: 'play' });
    expect(h.errors()[1]).toMatch(/training failed/);
  });
});
