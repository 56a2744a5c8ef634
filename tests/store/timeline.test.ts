// The timeline on the store: looking back shows every run as it was at a
// step, with the exact state the worker replays (compared with the engine
// trained straight to that step), and Play goes on from there, making the same
// records again. A link's at= opens every run paused where lockstep puts it.
import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/settings.ts';
import { selectMoment, selectShownRuns } from '../../src/store/selectors.ts';
import { settings, setup } from './labHarness.ts';

function engineAt(s: Settings, step: number) {
  const trainer = createTrainer(s);
  trainer.advance(step, null, null);
  return { step: trainer.step, epoch: trainer.epoch, w1: trainer.w1, w2: trainer.w2, loss: trainer.loss, batchLoss: trainer.batchLoss, batch: Array.from(trainer.currentBatch()) };
}

/** Seek answers resolve promises: let their callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function played(steps: number) {
  const t = setup({ speed: 'max', settings: settings({ epochs: 5 }) });
  t.state.configureRuns([{ settings: settings({ epochs: 5 }) }, { settings: settings({ epochs: 5, b: 1 }) }]);
  t.wait();
  for (let i = 0; i < steps; i++) t.state.step();
  t.wait(100);
  return t;
}

describe('the timeline', () => {
  it('looks back at a step: every run at its lockstep step, with the exact state replayed by the worker', async () => {
    const t = played(30);
    const [b10, b1] = t.state.runs;
    expect([b10.cursor.step, b1.cursor.step]).toEqual([30, 30]);
    t.state.lookAt(7);
    // b=1 has 100 steps per epoch to b=10's 10: at b=10's step 7 it stands at step 70 — but it has only run 30.
    expect(t.state.timeline?.targets).toEqual({ [b10.id]: 7, [b1.id]: 30 });
    t.wait();
    await settle();
    const cursor = t.state.timeline!.cursors[b10.id];
    const direct = engineAt(b10.settings, 7);
    expect({ ...cursor, batch: Array.from(cursor.batch) }).toMatchObject(direct);
    const [shown] = selectShownRuns(t.state);
    expect(shown.cursor).toBe(cursor);
    expect(shown.lossSeries.length).toBe(7);
    expect(shown.epochs.length).toBe(0);
    // What was trained is untouched.
    expect(t.state.runs[0].cursor.step).toBe(30);
    expect(t.state.runs[0].lossSeries.length).toBe(30);
  });

  it('shows the records up to the step before the answer arrives, and drops answers to older requests', async () => {
    const t = played(30);
    const id = t.state.runs[0].id;
    t.state.lookAt(12);
    t.state.lookAt(14);
    const [shown] = selectShownRuns(t.state);
    expect(shown.cursor.step).toBe(14);
    expect(shown.cursor.w1).toBe(t.state.runs[0].lossSeries.w1[13]);
    t.wait();
    await settle();
    expect(t.state.timeline!.cursors[id].step).toBe(14);
  });

  it('moves on with Step and Step epoch while looking, and is back to now past the last step run', () => {
    const t = played(30);
    t.state.lookAt(5);
    t.state.step();
    expect(t.state.timeline?.step).toBe(6);
    t.state.stepEpoch();
    expect(t.state.timeline?.step).toBe(10);
    t.state.stepEpoch();
    t.state.stepEpoch();
    expect(t.state.timeline).toBeNull();
    expect(t.state.runs[0].cursor.step).toBe(30);
  });

  it('goes on from the step looked at: the runs replay to it, then play, and make the same records again', () => {
    const t = played(30);
    const before = Array.from(t.state.runs[0].lossSeries.w1.subarray(0, 30));
    t.state.setSpeed(10);
    t.state.lookAt(12);
    t.wait();
    t.state.play();
    expect(t.state.timeline).toBeNull();
    t.wait(50);
    // Replayed to step 12 at once, then playing on at 10 steps per second.
    expect(t.state.playback.status).toBe('running');
    expect(t.state.runs[0].cursor.step).toBeGreaterThanOrEqual(12);
    expect(t.state.runs[0].cursor.step).toBeLessThan(15);
    t.wait(3000);
    const again = Array.from(t.state.runs[0].lossSeries.w1.subarray(0, 30));
    expect(again).toEqual(before);
    expect(t.state.runs[0].cursor.step).toBeGreaterThan(30);
  });

  it('is a moment of the link while looking, and while paused part-way', () => {
    const t = played(30);
    expect(selectMoment(t.state)).toBe(30);
    t.state.lookAt(4);
    expect(selectMoment(t.state)).toBe(4);
    t.state.lookAt(null);
    t.state.reset();
    t.wait();
    expect(selectMoment(t.state)).toBeUndefined();
  });

  it('opens at a step (a link’s at=): every run replayed, paused, where lockstep puts it', () => {
    const t = setup({ settings: settings({ epochs: 5 }) });
    t.state.configureRuns([{ settings: settings({ epochs: 5 }) }, { settings: settings({ epochs: 5, b: 50 }) }]);
    expect(t.state.openAt(25)).toEqual([]);
    t.wait(500);
    const [b10, b50] = t.state.runs;
    expect(t.state.playback.status).toBe('paused');
    // b=50: 2 steps per epoch; at b=10's step 25 (2.5 epochs) it stands at step 5.
    expect([b10.cursor.step, b50.cursor.step]).toEqual([25, 5]);
    expect(b10.cursor.w1).toBe(engineAt(b10.settings, 25).w1);
  });

  it('opens at the last step when at= is past it, and says so', () => {
    const t = setup({ settings: settings({ epochs: 2 }) });
    expect(t.state.openAt(999)[0].message).toContain('at=999: the run has 20 steps');
    t.wait(500);
    expect(t.state.runs[0].cursor.step).toBe(20);
  });
});
