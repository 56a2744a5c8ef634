// The store when things go wrong or grow large: worker failures keep what was
// recorded, memory stays bounded, and run state lives in one place.
import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { createEpochRecords, createStepRecords } from '../../src/core/records.ts';
import { createLabStore } from '../../src/store/store.ts';
import { DEFAULT_PAGE_VIEW } from '../../src/worker/protocol.ts';
import type { WorkerFactory } from '../../src/store/workerLike.ts';

import { settings, setup } from './labHarness.ts';

describe('lab store: failures', () => {
  it('records a worker crash, keeps what was recorded, and restarts on request', () => {
    const t = setup({ speed: 'max', settings: settings({ epochs: 100_000 }) });
    t.state.play();
    t.wait(100);
    const recorded = t.state.runs[0].lossSeries.length;
    const reached = t.state.runs[0].cursor.step;
    expect(recorded).toBeGreaterThan(0);
    const crashed = t.worker;
    crashed.crash('out of memory');
    expect(t.state.error).toMatch(/out of memory/);
    expect(t.state.error).toMatch(/replayed, paused, to the step it had reached/);
    expect(t.state.playback.status).toBe('error');
    expect(t.state.runs[0].status).toBe('error');
    expect(t.state.runs[0].lossSeries.length).toBe(recorded);
    expect(crashed.terminated).toBe(true);
    t.state.play();
    t.wait(100);
    expect(t.state.runs[0].lossSeries.length).toBe(recorded);

    t.state.restartWorker();
    expect(t.workers).toHaveLength(2);
    expect(t.state.error).toBeNull();
    expect(t.state.runs[0].lossSeries.length).toBe(0);
    expect(t.worker.sentOf('configure')).toHaveLength(1);
    expect(t.worker.sentOf('configure')[0].runs[0].replayTo).toBe(reached);
    t.wait(2000);
    // Replayed, paused, to the very step, with the very weights a direct trainer reaches there.
    expect(t.state.playback.status).toBe('paused');
    expect(t.state.replay).toBeNull();
    const run = t.state.runs[0];
    expect(run.cursor.step).toBe(reached);
    const direct = createTrainer(run.settings);
    direct.advance(reached, createStepRecords(reached), createEpochRecords(reached));
    expect([run.cursor.w1, run.cursor.w2, run.cursor.loss]).toEqual([direct.w1, direct.w2, direct.loss]);
    t.state.play();
    t.wait(100);
    expect(t.state.playback.status).toBe('running');
    expect(t.state.runs[0].lossSeries.length).toBeGreaterThan(0);
  });

  it('treats an error from the worker and an unreadable message the same way', () => {
    const t = setup();
    t.wait();
    t.worker.deliver({ type: 'error', message: 'engine broke' });
    expect(t.state.error).toMatch(/^Training stopped: engine broke\./);
    t.state.restartWorker();
    t.wait();
    t.worker.onmessageerror?.(new MessageEvent('messageerror'));
    expect(t.state.error).toMatch(/could not be read/);
    t.state.reset();
    expect(t.state.error).toBeNull();
    expect(t.workers).toHaveLength(3);
    t.wait();
    t.worker.deliver({ nonsense: true });
    expect(t.state.error).toMatch(/cannot read/);
  });

  it('a settings change after a crash starts a fresh worker', () => {
    const t = setup();
    t.worker.crash('');
    expect(t.state.error).toMatch(/stopped unexpectedly/);
    t.state.setSettings({ lr: 0.05 });
    expect(t.state.error).toBeNull();
    expect(t.workers).toHaveLength(2);
  });

  it('survives a worker that cannot be created', () => {
    const store = createLabStore({
      createWorker: () => {
        throw new Error('Workers are disabled');
      },
    });
    expect(store.getState().error).toMatch(/could not be started \(Workers are disabled\)/);
    store.getState().play();
    store.getState().step();
    expect(store.getState().runs).toHaveLength(1);
  });

  it('a browser Worker is a valid worker factory result', () => {
    // Compile-time check: the app passes `() => new Worker(...)`; nothing is constructed here.
    const factory: WorkerFactory = () => new Worker(new URL('../../src/worker/trainingWorker.ts', import.meta.url), { type: 'module' });
    expect(typeof factory).toBe('function');
  });
});

describe('lab store: memory', () => {
  it('holds a bounded series of a run of 10 million steps, and every epoch end', () => {
    const t = setup({ speed: 'max', settings: settings({ n: 1000, b: 1, epochs: 10_000 }) });
    t.wait();
    t.state.play();
    for (let i = 0; i < 2000 && t.state.playback.status !== 'done'; i++) t.wait(100);
    const run = t.state.runs[0];
    expect(run.cursor.step).toBe(10_000_000);
    for (const series of [run.lossSeries, run.batchLossSeries]) {
      // Under 4 buckets of at most 4 rows per pixel of the default view.
      expect(series.length).toBeLessThanOrEqual(16 * DEFAULT_PAGE_VIEW.pixels);
      expect(series.step.length).toBeLessThanOrEqual(2 * 16 * DEFAULT_PAGE_VIEW.pixels);
      expect(series.step[0]).toBe(1);
      expect(series.step[series.length - 1]).toBe(10_000_000);
    }
    expect(run.epochs.length).toBe(10_000);
  });
});

describe('lab store: one place for run state', () => {
  it('replaces a run’s object whenever anything about it changes, keeps the others, and never loses a change', () => {
    const t = setup({ settings: settings({ epochs: 100_000 }) });
    t.state.startComparison('batch');
    t.wait();
    const [first, second, third] = t.state.runs;
    t.state.toggleRunVisible(second.id);
    const hidden = t.state.runs[1];
    expect(hidden).not.toBe(second);
    expect(hidden.visible).toBe(false);
    expect(second.visible).toBe(true);
    expect(t.state.runs[0]).toBe(first);
    expect(t.state.runs[2]).toBe(third);

    // A chunk moves every run on, and the hidden run stays hidden.
    t.state.step();
    t.wait();
    const stepped = t.state.runs;
    expect(stepped.map((r) => r.cursor.step)).toEqual([1, 1, 1]);
    expect(stepped.map((r) => r.visible)).toEqual([true, false, true]);
    expect(stepped[1].version).toBeGreaterThan(hidden.version);
    expect(stepped.map((r) => r.status)).toEqual(['paused', 'paused', 'paused']);

    // Removing a run renames the rest; a crash stops them; neither loses the visibility or the steps.
    t.state.removeRun(stepped[0].id);
    expect(t.state.runs.map((r) => r.name)).toEqual(['b=10', 'b=100']);
    t.worker.crash('gone');
    expect(t.state.runs.map((r) => [r.name, r.visible, r.status, r.cursor.step])).toEqual([
      ['b=10', false, 'error', 1],
      ['b=100', true, 'error', 1],
    ]);
    t.state.restartWorker();
    expect(t.state.runs.map((r) => [r.visible, r.status, r.cursor.step, r.lossSeries.length])).toEqual([
      [false, 'idle', 0, 0],
      [true, 'idle', 0, 0],
    ]);
  });

  it('keeps the role of each run beside the runs, for exactly the runs on the charts', () => {
    const t = setup();
    const [single] = t.state.runs;
    expect(t.state.roles).toEqual({ [single.id]: 'live' });
    t.state.keepRun();
    t.state.setSettings({ lr: 0.05 });
    const [kept, live] = t.state.runs;
    expect(t.state.roles).toEqual({ [kept.id]: 'kept', [live.id]: 'live' });
    t.state.removeRun(kept.id);
    expect(t.state.roles).toEqual({ [live.id]: 'live' });
  });
});
