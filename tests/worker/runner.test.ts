import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { createEpochRecords, createStepRecords, EPOCH_COLUMNS, STEP_COLUMNS } from '../../src/core/records.ts';
import { FRAME_MS } from '../../src/worker/pacing.ts';
import { bytes, Harness, settings } from './runnerHarness.ts';

describe('TrainingRunner: configure and step', () => {
  it('sends every run’s starting point and an idle status on configure', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings() }, { id: 'b', settings: settings({ b: 50 }) }], 7);
    const [chunk] = h.chunks();
    expect(chunk.runs.map((r) => r.id)).toEqual(['a', 'b']);
    const direct = createTrainer(settings());
    expect(chunk.runs[0].loss.rows.length).toBe(0);
    expect(chunk.runs[0].cursor).toMatchObject({ step: 0, epoch: 0, w1: direct.w1, w2: direct.w2, loss: direct.loss, batchSize: 0 });
    expect(h.lastStatus()).toEqual({
      type: 'status',
      session: 7,
      status: 'idle',
      runs: [
        { id: 'a', status: 'idle', message: null },
        { id: 'b', status: 'idle', message: null },
      ],
    });
  });

  it('step takes exactly one gradient step of every run', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings() }, { id: 'b', settings: settings({ b: 100 }) }]);
    for (let i = 1; i <= 3; i++) {
      h.send({ type: 'step' });
      h.scheduler.advance(FRAME_MS);
      expect(h.stepOf('a')).toBe(i);
      expect(h.stepOf('b')).toBe(i);
    }
    expect(h.column('a', 'step')).toEqual([1, 2, 3]);
    expect(h.column('b', 'step')).toEqual([1, 2, 3]);
    // b = n: every step ends an epoch, so run b has three epoch rows.
    const epochRows = h.chunks().flatMap((c) => c.runs.filter((r) => r.id === 'b').flatMap((r) => Array.from(r.epochs.epoch.subarray(0, r.epochs.length))));
    expect(epochRows).toEqual([1, 2, 3]);
    expect(h.lastStatus().status).toBe('paused');
    // Nothing moves on by itself after a step.
    h.scheduler.advance(1000);
    expect(h.stepOf('a')).toBe(3);
  });

  it('copies at most 1,000 indices of the last batch and reports its full size', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings({ n: 5000, b: 2500 }) }]);
    h.send({ type: 'step' });
    h.scheduler.advance(FRAME_MS);
    const cursor = h.chunks().at(-1)!.runs[0].cursor;
    expect(cursor.batchSize).toBe(2500);
    expect(cursor.batch.length).toBe(1000);
    const direct = createTrainer(settings({ n: 5000, b: 2500 }));
    direct.advance(1, null, null);
    expect(Array.from(cursor.batch)).toEqual(Array.from(direct.currentBatch().subarray(0, 1000)));
  });

  it('stepEpoch lands each run on its next epoch boundary', () => {
    const h = new Harness();
    // 100 examples: b=7 → 15 batches, k=2 → 30 steps per epoch; b=100 → 1 step per epoch.
    h.configure([{ id: 'a', settings: settings({ b: 7, k: 2 }) }, { id: 'b', settings: settings({ b: 100 }) }]);
    for (let i = 0; i < 4; i++) h.send({ type: 'step' });
    h.send({ type: 'stepEpoch' });
    h.scheduler.advance(200);
    expect(h.stepOf('a')).toBe(30);
    expect(h.stepOf('b')).toBe(5);
    expect(h.lastStatus().status).toBe('paused');
    h.send({ type: 'stepEpoch' });
    h.scheduler.advance(200);
    expect(h.stepOf('a')).toBe(60);
    expect(h.stepOf('b')).toBe(6);
  });

  it('stepEpoch on a huge epoch works in slices and can be paused', () => {
    const h = new Harness(0.05);
    h.configure([{ id: 'a', settings: settings({ n: 1_000_000, b: 1 }) }]);
    h.send({ type: 'stepEpoch' });
    h.scheduler.advance(100);
    const partway = h.stepOf('a');
    expect(partway).toBeGreaterThan(0);
    expect(partway).toBeLessThan(1_000_000);
    h.send({ type: 'pause' });
    h.scheduler.advance(100);
    const held = h.stepOf('a');
    h.scheduler.advance(1000);
    expect(h.stepOf('a')).toBe(held);
    expect(h.lastStatus().status).toBe('paused');
  });
});

describe('TrainingRunner: playing', () => {
  it('pause holds: no step is taken after the pause is handled', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings({ epochs: 100_000 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(50);
    h.send({ type: 'pause' });
    h.scheduler.advance(FRAME_MS);
    const held = h.stepOf('a');
    expect(held).toBeGreaterThan(0);
    h.scheduler.advance(5000);
    expect(h.stepOf('a')).toBe(held);
    expect(h.lastStatus().status).toBe('paused');
    expect(h.scheduler.pendingTimers).toBe(0);
  });

  it('at max speed posts at most one chunk per frame, and trains in slices between them', () => {
    const h = new Harness(0.02);
    h.configure([{ id: 'a', settings: settings({ epochs: 100_000 }) }, { id: 'b', settings: settings({ b: 1, epochs: 100_000 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(1000);
    const chunks = h.chunks().slice(1);
    expect(chunks.length).toBeGreaterThan(20);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].at - chunks[i - 1].at).toBeGreaterThanOrEqual(FRAME_MS);
    expect(h.stepOf('b')).toBeGreaterThan(20_000);
  });

  it('at a finite speed takes the steps due from elapsed time', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings({ epochs: 1000 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 100 });
    h.send({ type: 'play' });
    h.scheduler.advance(2000);
    expect(Math.abs(h.stepOf('a') - 200)).toBeLessThanOrEqual(2);
    h.send({ type: 'speed', stepsPerSecond: 10 });
    const before = h.stepOf('a');
    h.scheduler.advance(3000);
    expect(Math.abs(h.stepOf('a') - before - 30)).toBeLessThanOrEqual(2);
  });

  it('finishes with status done once every step of every epoch is taken', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings({ epochs: 3 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(1000);
    expect(h.stepOf('a')).toBe(30);
    expect(h.lastStatus()).toMatchObject({ status: 'done', runs: [{ id: 'a', status: 'done', message: null }] });
    // The status comes after the chunk holding the last step.
    const lastChunk = h.posted.findLastIndex((p) => p.message.type === 'chunk');
    const done = h.posted.findIndex((p) => p.message.type === 'status' && p.message.status === 'done');
    expect(done).toBeGreaterThan(lastChunk);
    h.send({ type: 'play' });
    h.send({ type: 'step' });
    h.scheduler.advance(100);
    expect(h.stepOf('a')).toBe(30);
  });

  it('reports divergence with the engine’s message while other runs go on', () => {
    const h = new Harness();
    h.configure([{ id: 'calm', settings: settings({ epochs: 5 }) }, { id: 'wild', settings: settings({ lr: 5, epochs: 5 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(2000);
    const final = h.lastStatus();
    expect(final.status).toBe('done');
    const wild = final.runs.find((r) => r.id === 'wild')!;
    expect(wild.status).toBe('diverged');
    expect(wild.message).toMatch(/^Diverged at step \d+/);
    expect(final.runs.find((r) => r.id === 'calm')).toEqual({ id: 'calm', status: 'done', message: null });
    expect(h.stepOf('calm')).toBe(50);
  });

  it('says diverged overall when every run diverged', () => {
    const h = new Harness();
    h.configure([{ id: 'wild', settings: settings({ lr: 5 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(1000);
    expect(h.lastStatus().status).toBe('diverged');
    expect(h.lastStatus().runs[0].message).toMatch(/learning rate/);
  });

  it('keeps runs with different batch sizes in lockstep by epoch', () => {
    const h = new Harness();
    const runs = [
      { id: 'b10', settings: settings({ b: 10, epochs: 6 }) },
      { id: 'b1', settings: settings({ b: 1, epochs: 6 }) },
      { id: 'b100', settings: settings({ b: 100, epochs: 6 }) },
      { id: 'b30', settings: settings({ b: 30, epochs: 6 }) },
    ];
    const stepsPerEpoch: Record<string, number> = { b10: 10, b1: 100, b100: 1, b30: 4 };
    h.configure(runs);
    h.send({ type: 'speed', stepsPerSecond: 40 });
    h.send({ type: 'play' });
    const latest = new Map<string, number>(runs.map((r) => [r.id, 0]));
    let checked = 0;
    for (let t = 0; t < 3000; t += FRAME_MS) {
      const before = h.chunks().length;
      h.scheduler.advance(FRAME_MS);
      for (const chunk of h.chunks().slice(before)) for (const run of chunk.runs) latest.set(run.id, run.cursor.step);
      const primary = latest.get('b10')! / 10;
      for (const { id } of runs) {
        // Each run is at ⌊P·spe⌋ for the shared progress P: within one of its own steps of the first run.
        const fraction = latest.get(id)! / stepsPerEpoch[id];
        expect(Math.abs(fraction - primary)).toBeLessThanOrEqual(1 / stepsPerEpoch[id] + 1 / 10);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // 40 steps/s of the b=10 run is 4 epochs per second: after 1.5 s all are at epoch 6 together.
    h.runUntilSettled(2000);
    expect([...latest.keys()].map((id) => h.stepOf(id))).toEqual([60, 600, 6, 24]);
  });

  it('records exactly what a direct trainer records, bit for bit', () => {
    const h = new Harness(0.01, { maxRoundSteps: 3000 });
    // 3,340 steps: at 2,048 pixels the view keeps every one of them.
    const runs = [
      { id: 'a', settings: settings({ n: 500, b: 3, shuffle: 'epoch', mom: 0.5, epochs: 20, seed: 9 }) },
      { id: 'b', settings: settings({ n: 500, b: 64, shuffle: 'replacement', data: 'plane', rho: 0.8, epochs: 20, seed: 9 }) },
    ];
    h.send({ type: 'view', view: { pixels: 2048, unit: 'steps', log: false, range: null } });
    h.configure(runs);
    h.send({ type: 'step' });
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(30);
    h.send({ type: 'stepEpoch' });
    h.send({ type: 'play' });
    h.runUntilSettled(10_000);
    expect(h.lastStatus().status).toBe('done');
    for (const run of runs) {
      const direct = createTrainer(run.settings);
      const steps = createStepRecords(direct.schedule.totalSteps);
      const epochs = createEpochRecords(direct.settings.epochs);
      direct.advance(direct.schedule.totalSteps, steps, epochs);
      for (const key of ['loss', 'batchLoss'] as const) {
        for (const column of STEP_COLUMNS) expect(bytes(h.column(run.id, column, key))).toEqual(bytes(steps[column]));
      }
      for (const column of EPOCH_COLUMNS) expect(bytes(h.epochColumn(run.id, column))).toEqual(bytes(epochs[column]));
    }
  });

  it('sends columns exactly as long as their rows', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings() }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(1000);
    for (const chunk of h.chunks()) {
      for (const run of chunk.runs) {
        for (const rows of [run.loss.rows, run.batchLoss.rows]) {
          for (const column of STEP_COLUMNS) expect(rows[column].length).toBe(rows.length);
          expect(rows.capacity).toBe(rows.length);
        }
        for (const column of EPOCH_COLUMNS) expect(run.epochs[column].length).toBe(run.epochs.length);
      }
    }
  });
});
