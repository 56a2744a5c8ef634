import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { createEpochRecords, createStepRecords, STEP_COLUMNS } from '../../src/core/records.ts';
import { SHUFFLE_MODES, type Settings } from '../../src/core/settings.ts';
import { RUN_COLORS } from '../../src/store/palette.ts';
import { selectPrimaryRun } from '../../src/store/selectors.ts';

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
    const delta = { revision: 9, keep: 0, open: 0, rows: stale };
    t.worker.deliver({ type: 'chunk', session: oldSession, runs: [{ id: t.state.runs[0].id, loss: delta, batchLoss: delta, epochs: createEpochRecords(0), cursor: { ...t.state.runs[0].cursor, step: 999 } }] });
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
});
