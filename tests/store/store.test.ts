import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { createEpochRecords, createStepRecords, STEP_COLUMNS } from '../../src/core/records.ts';
import { SHUFFLE_MODES, type Settings } from '../../src/core/settings.ts';
import { createLabStore } from '../../src/store/store.ts';
import { RUN_COLORS } from '../../src/store/palette.ts';
import { LOD_ROW_CAPACITY } from '../../src/store/lod.ts';
import { selectPrimaryRun } from '../../src/store/selectors.ts';
import type { WorkerFactory } from '../../src/store/workerLike.ts';

import { settings, setup } from './labHarness.ts';

describe('lab store: one run', () => {
  it('starts with one idle run of the given settings and learns its starting loss from the worker', () => {
    const t = setup();
    expect(t.state.runs).toHaveLength(1);
    const [run] = t.state.runs;
    expect(run).toMatchObject({ name: 'b=10, shuffle=epoch', color: RUN_COLORS[0], visible: true, status: 'idle' });
    expect(run.settings).toEqual(settings());
    expect(t.state.primaryRunId).toBe(run.id);
    expect(t.worker.sent.map((m) => m.type)).toEqual(['speed', 'configure']);
    t.wait();
    const direct = createTrainer(settings());
    expect(t.state.runs[0].cursor.loss).toBe(direct.loss);
    expect(t.state.playback).toEqual({ status: 'idle', speed: 10 });
  });

  it('steps, plays and pauses, appending every record once', () => {
    const t = setup();
    t.wait();
    t.state.step();
    t.wait();
    let run = t.state.runs[0];
    expect(run.cursor.step).toBe(1);
    expect(run.lossSeries.length).toBe(1);
    expect(run.batchLossSeries.length).toBe(1);
    expect(t.state.playback.status).toBe('paused');
    const versionAfterStep = run.version;

    t.state.play();
    t.wait(1000);
    run = t.state.runs[0];
    expect(t.state.playback.status).toBe('running');
    // 10 steps per second for one second, after the one step taken by hand.
    expect(Math.abs(run.cursor.step - 11)).toBeLessThanOrEqual(1);
    expect(run.version).toBeGreaterThan(versionAfterStep);
    expect(Array.from(run.lossSeries.step.subarray(0, run.lossSeries.length))).toEqual(Array.from({ length: run.cursor.step }, (_, i) => i + 1));

    t.state.pause();
    t.wait(100);
    expect(t.state.playback.status).toBe('paused');
    const held = t.state.runs[0].cursor.step;
    t.wait(2000);
    expect(t.state.runs[0].cursor.step).toBe(held);
  });

  it('makes exactly one state update per message from the worker', () => {
    const t = setup({ speed: 'max', settings: settings({ epochs: 100_000 }) });
    t.wait();
    let updates = 0;
    const unsubscribe = t.store.subscribe(() => updates++);
    const before = t.worker.delivered;
    t.state.play();
    t.wait(500);
    unsubscribe();
    const messages = t.worker.delivered - before;
    expect(messages).toBeGreaterThan(10);
    expect(updates).toBe(messages);
  });

  it('plays to the end and holds every step and epoch the engine produced', () => {
    const t = setup({ speed: 'max' });
    t.wait();
    t.state.play();
    t.wait(2000);
    expect(t.state.playback.status).toBe('done');
    const run = t.state.runs[0];
    expect(run.status).toBe('done');
    const direct = createTrainer(settings());
    const steps = createStepRecords(direct.schedule.totalSteps);
    const epochs = createEpochRecords(direct.settings.epochs);
    direct.advance(Infinity, steps, epochs);
    expect(run.lossSeries.length).toBe(steps.length);
    for (const column of STEP_COLUMNS) expect(Array.from(run.lossSeries[column].subarray(0, run.lossSeries.length))).toEqual(Array.from(steps[column]));
    expect(Array.from(run.epochs.loss.subarray(0, run.epochs.length))).toEqual(Array.from(epochs.loss));
  });

  it('refuses invalid settings with the reason and keeps the run', () => {
    const t = setup();
    t.wait();
    const before = t.state.runs[0];
    const sent = t.worker.sent.length;
    const problems = t.state.setSettings({ b: 500 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'b' });
    expect(problems[0].message).toMatch(/batch size must be an integer from 1 to n \(100\)/);
    expect(t.state.problems).toEqual(problems);
    expect(t.state.runs[0]).toBe(before);
    expect(t.worker.sent.length).toBe(sent);
    expect(t.state.setSettings({ w0: 'oops' as unknown as Settings['w0'] })[0]).toMatchObject({ key: 'w0' });
    expect(t.state.setSettings({ lr: -1 })[0]).toMatchObject({ key: 'lr' });
    t.state.clearProblems();
    expect(t.state.problems).toEqual([]);
  });

  it('starts a new run on a valid change, and keeps playing if it was', () => {
    const t = setup();
    t.wait();
    t.state.play();
    t.wait(500);
    const old = t.state.runs[0];
    expect(t.state.setSettings({ lr: 0.05, extra: 1 } as Partial<Settings>)).toEqual([]);
    const [run] = t.state.runs;
    expect(t.state.runs).toHaveLength(1);
    expect(run.id).not.toBe(old.id);
    expect(run.settings).toEqual(settings({ lr: 0.05 }));
    expect(run.color).toBe(old.color);
    const configure = t.worker.sentOf('configure').at(-1)!;
    expect(configure.runs).toEqual([{ id: run.id, settings: settings({ lr: 0.05 }) }]);
    expect(t.worker.sent.at(-1)).toEqual({ type: 'play' });
    t.wait(500);
    expect(t.state.playback.status).toBe('running');
    expect(t.state.runs[0].cursor.step).toBeGreaterThan(2);
    // The same settings again change nothing.
    const same = t.state.runs;
    t.state.setSettings({ lr: 0.05 });
    expect(t.state.runs).toBe(same);
  });

  it('reset starts the runs again from step 0 and drops records still in flight', () => {
    const t = setup({ speed: 'max', settings: settings({ epochs: 100_000 }) });
    t.wait();
    t.state.play();
    t.wait(100);
    const oldSession = t.worker.sentOf('configure')[0].session;
    t.state.reset();
    expect(t.state.runs[0].lossSeries.length).toBe(0);
    expect(t.state.runs[0].cursor.step).toBe(0);
    expect(t.state.playback.status).toBe('idle');
    // A chunk of the previous session arriving late is ignored.
    const stale = createStepRecords(1);
    stale.step[0] = 999;
    stale.length = 1;
    t.worker.deliver({ type: 'chunk', session: oldSession, runs: [{ id: t.state.runs[0].id, steps: stale, epochs: createEpochRecords(0), cursor: { ...t.state.runs[0].cursor, step: 999 } }] });
    expect(t.state.runs[0].cursor.step).toBe(0);
    t.wait(100);
    expect(t.state.playback.status).toBe('idle');
    expect(t.state.runs[0].lossSeries.length).toBe(0);
    t.state.play();
    t.wait(100);
    expect(t.state.runs[0].lossSeries.step[0]).toBe(1);
  });

  it('passes valid speeds to the worker and refuses others', () => {
    const t = setup();
    expect(t.state.setSpeed('max')).toEqual([]);
    expect(t.state.playback.speed).toBe('max');
    expect(t.worker.sent.at(-1)).toEqual({ type: 'speed', stepsPerSecond: 'max' });
    expect(t.state.setSpeed(0)[0]).toMatchObject({ key: 'speed' });
    expect(t.state.setSpeed(NaN)[0]).toMatchObject({ key: 'speed' });
    expect(t.state.playback.speed).toBe('max');
  });
});

describe('lab store: several runs', () => {
  it('compares the five shuffle modes from the same data, seed and start, primary first in the worker', () => {
    const t = setup({ settings: settings({ n: 60, b: 8, seed: 42, w0: [0.5, -1] }) });
    t.state.startComparison('shuffle');
    const runs = t.state.runs;
    expect(runs.map((r) => r.name)).toEqual(SHUFFLE_MODES.map((m) => `shuffle=${m}`));
    expect(runs.map((r) => r.settings.shuffle)).toEqual([...SHUFFLE_MODES]);
    for (const r of runs) expect({ ...r.settings, shuffle: 'epoch' }).toEqual(settings({ n: 60, b: 8, seed: 42, w0: [0.5, -1] }));
    expect(new Set(runs.map((r) => r.color)).size).toBe(5);
    expect(t.state.comparison).toBe('shuffle');
    expect(selectPrimaryRun(t.state)?.settings.shuffle).toBe('epoch');
    const configure = t.worker.sentOf('configure').at(-1)!;
    expect(configure.runs[0].settings.shuffle).toBe('epoch');
    expect(configure.runs).toHaveLength(5);
    t.state.stepEpoch();
    t.wait(100);
    // Same data and start: after one epoch every run has seen every example once (the replacement run draws its own).
    const starts = t.state.runs.map((r) => r.epochs.length);
    expect(starts).toEqual([1, 1, 1, 1, 1]);
    expect(new Set(t.state.runs.map((r) => r.cursor.step)).size).toBe(1);
  });

  it('compares batch sizes 1, b and n, each once', () => {
    const t = setup();
    t.state.startComparison('batch');
    expect(t.state.runs.map((r) => r.name)).toEqual(['b=1', 'b=10', 'b=100']);
    t.state.setSettings({ b: 100 });
    expect(t.state.runs.map((r) => r.settings.b)).toEqual([1, 100]);
    expect(t.state.comparison).toBe('batch');
    t.state.setSettings({ b: 1, lr: 0.01 });
    expect(t.state.runs.map((r) => [r.settings.b, r.settings.lr])).toEqual([
      [1, 0.01],
      [100, 0.01],
    ]);
  });

  it('runs a comparison in lockstep by epoch', () => {
    const t = setup({ speed: 20 });
    t.state.startComparison('batch');
    t.state.play();
    t.wait(1500);
    const fractions = t.state.runs.map((r) => r.cursor.step / r.schedule.stepsPerEpoch);
    const primary = selectPrimaryRun(t.state)!;
    const p = primary.cursor.step / primary.schedule.stepsPerEpoch;
    expect(p).toBeGreaterThan(2);
    for (const [i, f] of fractions.entries()) expect(Math.abs(f - p)).toBeLessThanOrEqual(1 / t.state.runs[i].schedule.stepsPerEpoch + 0.1);
  });

  it('keepRun leaves the run on the charts while the next change starts a new one beside it', () => {
    const t = setup();
    t.wait();
    const kept = t.state.runs[0];
    t.state.keepRun();
    expect(t.state.runs).toHaveLength(1);
    t.state.setSettings({ lr: 0.05 });
    expect(t.state.runs.map((r) => r.name)).toEqual(['lr=0.03', 'lr=0.05']);
    expect(t.state.runs[0].id).toBe(kept.id);
    expect(t.state.runs[0].color).not.toBe(t.state.runs[1].color);
    expect(t.state.primaryRunId).toBe(t.state.runs[1].id);
    // Both go to the worker, the one the settings describe first.
    expect(t.worker.sentOf('configure').at(-1)!.runs.map((r) => r.id)).toEqual([t.state.runs[1].id, kept.id]);
    t.state.setSettings({ lr: 0.1 });
    expect(t.state.runs.map((r) => r.name)).toEqual(['lr=0.03', 'lr=0.1']);
    expect(t.state.runs[0].id).toBe(kept.id);
  });

  it('refuses a change that would put more than eight runs on the charts', () => {
    const t = setup();
    t.state.startComparison('shuffle');
    t.state.keepRun();
    const problems = t.state.setSettings({ lr: 0.05 });
    expect(problems).toEqual([]);
    t.state.keepRun();
    expect(t.state.runs).toHaveLength(6);
    t.state.setSettings({ lr: 0.06 });
    t.state.keepRun();
    t.state.setSettings({ lr: 0.07 });
    t.state.keepRun();
    expect(t.state.runs).toHaveLength(8);
    const refused = t.state.setSettings({ lr: 0.08 });
    expect(refused[0].message).toMatch(/at most 8 runs/);
    expect(t.state.runs).toHaveLength(8);
  });

  it('removes a run without restarting the others, and never the last one', () => {
    const t = setup({ speed: 'max', settings: settings({ epochs: 100_000 }) });
    t.state.startComparison('shuffle');
    t.state.play();
    t.wait(100);
    const target = t.state.runs[1];
    const before = t.state.runs[0].cursor.step;
    t.state.removeRun(target.id);
    expect(t.state.runs.map((r) => r.id)).not.toContain(target.id);
    expect(t.state.comparison).toBeNull();
    expect(t.worker.sent.at(-1)).toEqual({ type: 'remove', id: target.id });
    t.wait(100);
    expect(t.state.runs[0].cursor.step).toBeGreaterThan(before);
    for (const r of t.state.runs.slice(1)) t.state.removeRun(r.id);
    expect(t.state.runs).toHaveLength(1);
    t.state.removeRun(t.state.runs[0].id);
    expect(t.state.runs).toHaveLength(1);
  });

  it('hides and shows runs', () => {
    const t = setup();
    t.state.startComparison('batch');
    const id = t.state.runs[0].id;
    t.state.toggleRunVisible(id);
    expect(t.state.runs.filter((r) => r.visible).map((r) => r.id)).not.toContain(id);
    t.state.toggleRunVisible(id);
    expect(t.state.runs.filter((r) => r.visible).map((r) => r.id)).toContain(id);
  });

  it('restores runs from a list: a comparison stays a comparison, the run matching the settings follows them', () => {
    const t = setup();
    const base = settings({ b: 20 });
    const shuffles = SHUFFLE_MODES.map((shuffle) => ({ settings: { ...base, shuffle }, visible: shuffle !== 'none' }));
    expect(t.state.configureRuns(shuffles, base)).toEqual([]);
    expect(t.state.comparison).toBe('shuffle');
    expect(t.state.settings).toEqual(base);
    expect(t.state.runs.map((r) => r.visible)).toEqual([false, true, true, true, true]);
    t.state.setSettings({ lr: 0.01 });
    expect(t.state.runs.every((r) => r.settings.lr === 0.01)).toBe(true);

    const mixed = [{ settings: settings({ lr: 0.1 }) }, { settings: base }];
    t.state.configureRuns(mixed, base);
    expect(t.state.comparison).toBeNull();
    t.state.setSettings({ lr: 0.2 });
    expect(t.state.runs.map((r) => r.settings.lr)).toEqual([0.1, 0.2]);
  });

  it('refuses a list with any invalid run, naming it, and changes nothing', () => {
    const t = setup();
    const before = t.state.runs;
    const problems = t.state.configureRuns([{ settings: settings() }, { settings: settings({ n: 0 }) }]);
    expect(problems[0].message).toMatch(/^run 2: /);
    expect(t.state.runs).toBe(before);
    const many = Array.from({ length: 9 }, (_, i) => ({ settings: settings({ seed: i }) }));
    expect(t.state.configureRuns(many)[0].message).toMatch(/at most 8 runs/);
    expect(t.state.configureRuns([{ settings: null as unknown as Settings }])[0].message).toMatch(/^run 1: settings must be an object/);
  });
});

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
  it('stays bounded when fed 10 million steps', () => {
    const t = setup();
    t.wait();
    const run = t.state.runs[0];
    const session = t.worker.sentOf('configure').at(-1)!.session;
    const chunkSteps = 65_536;
    const total = 10_000_000;
    let epochsFed = 0;
    for (let first = 1; first <= total; first += chunkSteps) {
      const count = Math.min(chunkSteps, total - first + 1);
      const fresh = createStepRecords(count);
      for (let i = 0; i < count; i++) {
        const s = first + i;
        fresh.step[i] = s;
        fresh.epoch[i] = Math.ceil(s / 1000);
        fresh.w1[i] = s * 1e-7;
        fresh.w2[i] = -s;
        fresh.loss[i] = 1 / s;
        fresh.batchLoss[i] = 1 / s + (s % 7) * 1e-3;
      }
      fresh.length = count;
      const epochCount = Math.floor((first + count - 1) / 1000) - epochsFed;
      const epochs = createEpochRecords(epochCount);
      for (let i = 0; i < epochCount; i++) epochs.epoch[i] = epochsFed + i + 1;
      epochs.length = epochCount;
      epochsFed += epochCount;
      const cursor = { ...run.cursor, step: first + count - 1 };
      t.worker.deliver({ type: 'chunk', session, runs: [{ id: run.id, steps: fresh, epochs, cursor }] });
    }
    const after = t.state.runs[0];
    expect(after.cursor.step).toBe(total);
    for (const series of [after.lossSeries, after.batchLossSeries]) {
      expect(series.length).toBeLessThanOrEqual(LOD_ROW_CAPACITY);
      expect(series.step[0]).toBe(1);
      expect(series.step[series.length - 1]).toBe(total);
      expect(series.step.length).toBeLessThanOrEqual(LOD_ROW_CAPACITY);
    }
    expect(after.epochs.length).toBe(10_000);
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
