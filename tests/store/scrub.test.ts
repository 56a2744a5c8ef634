// The pure parts of looking back: where lockstep puts each run, and a run's
// views cut at a step without copying its buffers.
import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { lockstepStep, recordedCursor, runAtStep } from '../../src/store/scrub.ts';
import { settings, setup } from './labHarness.ts';

describe('lockstepStep', () => {
  it('puts a run the same fraction of its epoch along as the primary, never past what it has run', () => {
    expect(lockstepStep(25, 10, 100, 1000)).toBe(250);
    expect(lockstepStep(25, 10, 2, 1000)).toBe(5);
    expect(lockstepStep(25, 10, 100, 30)).toBe(30);
    // 313 steps per epoch against 10: 7/10 of an epoch is 219.1 steps.
    expect(lockstepStep(7, 10, 313, 1e6)).toBe(219);
    expect(lockstepStep(30, 30, 7, 1e6)).toBe(7);
  });
});

describe('runAtStep', () => {
  it('cuts the series and epochs at the step, sharing the buffers, and leaves now alone', () => {
    const t = setup({ speed: 'max' });
    t.wait();
    for (let i = 0; i < 25; i++) t.state.step();
    t.wait(100);
    const [run] = t.state.runs;
    const at = runAtStep(run, recordedCursor(run, 12));
    expect(at.lossSeries.length).toBe(12);
    expect(at.lossSeries.w1).toBe(run.lossSeries.w1);
    expect(at.epochs.length).toBe(1);
    expect(at.cursor).toMatchObject({ step: 12, epoch: 1, batchInEpoch: 2, w1: run.lossSeries.w1[11], loss: run.lossSeries.loss[11] });
    expect(at.status).toBe('paused');
    expect(runAtStep(run, run.cursor)).toBe(run);
    // Step 0: the start weights, before any step; an epoch end is batch 10 of 10.
    expect(recordedCursor(run, 0)).toMatchObject({ step: 0, epoch: 0, w1: settings().w0[0], w2: settings().w0[1] });
    expect(recordedCursor(run, 20)).toMatchObject({ epoch: 2, batchInEpoch: 10 });
  });

  it('cuts the validation loss series too, and reads the val loss at the step from the rows', () => {
    const t = setup({ speed: 'max', settings: settings({ val: 0.2 }) });
    t.wait();
    for (let i = 0; i < 25; i++) t.state.step();
    t.wait(100);
    const [run] = t.state.runs;
    const at = runAtStep(run, recordedCursor(run, 13));
    expect(at.valLossSeries!.length).toBe(13);
    expect(at.valLossSeries!.valLoss).toBe(run.valLossSeries!.valLoss);
    // Step 13 ends no epoch: its val loss is read from the row kept for it, and is the engine's there.
    const engine = createTrainer(settings({ val: 0.2 }));
    engine.advance(13, null, null);
    expect(at.cursor.valLoss).toBe(engine.valLoss);
    expect(Number.isFinite(at.cursor.valLoss)).toBe(true);
    // A run without a validation set has no such series to cut.
    const plain = setup({ speed: 'max' });
    plain.wait();
    plain.state.step();
    plain.wait(100);
    expect(runAtStep(plain.state.runs[0], recordedCursor(plain.state.runs[0], 0)).valLossSeries).toBeNull();
  });
});
