import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/trainer.ts';
import { stateAt } from '../../src/core/replay.ts';
import { createEpochRecords } from '../../src/core/records.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';
import type { Trainer } from '../../src/core/types.ts';
import { settingsWith } from './runs.ts';

function snapshot(trainer: Trainer): unknown[] {
  return [trainer.step, trainer.examples, trainer.epoch, trainer.batchInEpoch, trainer.w1, trainer.w2, trainer.loss, trainer.batchLoss, trainer.status, Array.from(trainer.currentBatch())];
}

describe('stateAt', () => {
  it('positions a run at a step exactly, from the start or from any checkpoint at or before it', () => {
    for (const shuffle of SHUFFLE_MODES) {
      const settings = settingsWith({ n: 30, b: 4, epochs: 5, shuffle, mom: 0.5, restart: shuffle === 'epoch' });
      const straight = createTrainer(settings);
      const checkpoints = [straight.checkpoint()];
      const expected: unknown[][] = [snapshot(straight)];
      while (straight.advance(1, null, null) === 1) {
        expected.push(snapshot(straight));
        if (straight.step % 6 === 0) checkpoints.push(straight.checkpoint());
      }
      for (let step = 0; step < expected.length; step++) {
        expect(snapshot(stateAt(settings, step))).toEqual(expected[step]);
        for (const from of checkpoints) expect(snapshot(stateAt(settings, step, from, { sameRun: straight }))).toEqual(expected[step]);
      }
    }
  });

  it('records the epochs it passes, and stops where the run stops', () => {
    const settings = settingsWith({ n: 30, b: 4, epochs: 3 });
    const epochs = createEpochRecords(settings.epochs);
    const trainer = stateAt(settings, 17, null, { epochs });
    expect(trainer.step).toBe(17);
    expect(epochs.length).toBe(2);
    expect(Array.from(epochs.step.subarray(0, 2))).toEqual([8, 16]);
    expect(stateAt(settings, 10_000).step).toBe(24);
    expect(stateAt(settings, 10_000).status).toBe('done');
    expect(() => stateAt(settings, 5, null, { epochs: createEpochRecords(0) })).not.toThrow();
    expect(() => stateAt(settings, 9, null, { epochs: createEpochRecords(0) })).toThrow(/epoch records are full at step 7/);
  });

  it('refuses a step that is not a whole number ≥ 0', () => {
    const settings = settingsWith({});
    for (const step of [-1, 1.5, NaN, Infinity]) expect(() => stateAt(settings, step)).toThrow(/whole number/);
  });
});
