import { describe, expect, it } from 'vitest';
import { createSchedule, epochLearningRate } from '../../../src/core/index.ts';
import { formatValue } from '../../../src/panels/shared/format.ts';
import { loopAnnotations } from '../../../src/panels/loopView/annotations.ts';
import type { AnnotatedCursor } from '../../../src/panels/loopView/annotations.ts';
import { settingsWith, walk } from './engineWalk.ts';
import type { RunCursor } from '../../../src/store/runTypes.ts';
import type { Settings } from '../../../src/core/index.ts';

/** The notes after exactly `steps` steps of the real engine. */
function notesAfter(settings: Settings, steps: number): { notes: ReturnType<typeof loopAnnotations>; cursor: RunCursor } {
  let last: RunCursor | null = null;
  walk(settings, steps, (_, cursor) => (last = cursor));
  const cursor = last as unknown as RunCursor;
  expect(cursor.step).toBe(steps);
  return { notes: loopAnnotations(cursor, createSchedule(settings), settings), cursor };
}

const firstThree = (batch: Uint32Array): string => Array.from(batch.subarray(0, 3), (i) => `#${i}`).join(', ');

describe('live values beside the loop', () => {
  it('before the first step says only which epoch is about to start', () => {
    const { notes } = notesAfter(settingsWith({}), 0);
    expect(notes).toEqual({ epoch: 'epoch 1 of 20 · not started' });
  });

  it('names the epoch, the batch with its size and first examples, the step and the batch loss', () => {
    // n = 100, b = 32: 4 batches (32, 32, 32, 4); 13 steps = 3 epochs and the first batch of the 4th.
    const { notes, cursor } = notesAfter(settingsWith({ b: 32 }), 13);
    expect(notes.epoch).toBe('epoch 4 of 20');
    expect(notes.batch).toBe(`batch 1 of 4 · 32 examples · first ${firstThree(cursor.batch)}`);
    expect(notes.step).toBe('step t = 13');
    expect(notes.loss).toBe(`batch loss ${formatValue(cursor.batchLoss)}`);
    expect(notes.inner).toBeUndefined();
    expect(notes.print).toBeUndefined();
  });

  it('at an epoch boundary names the epoch just finished, its short last batch and what the epoch printed', () => {
    const { notes, cursor } = notesAfter(settingsWith({ b: 32 }), 8);
    expect(notes.epoch).toBe('epoch 2 of 20');
    expect(notes.batch).toBe(`batch 4 of 4 · 4 examples · first ${firstThree(cursor.batch)}`);
    expect(notes.print).toBe(`loss ${formatValue(cursor.loss)} · w ${formatValue(cursor.w1)}, ${formatValue(cursor.w2)}`);
  });

  it('lists every example of a batch of three or fewer, and says "example" for one', () => {
    const pair = notesAfter(settingsWith({ n: 9, b: 2, shuffle: 'none' }), 2).notes;
    expect(pair.batch).toBe('batch 2 of 5 · 2 examples · #2, #3');
    const single = notesAfter(settingsWith({ n: 9, b: 2, shuffle: 'none' }), 5).notes;
    expect(single.batch).toBe('batch 5 of 5 · 1 example · #8');
  });

  it('counts the repeats of a batch when k > 1, in step with the engine moving to the next batch', () => {
    const settings = settingsWith({ n: 10, b: 4, k: 3, epochs: 2 });
    let previous = '';
    let repeat = 0;
    walk(settings, Infinity, (trainer, cursor) => {
      if (trainer.step === 0) return;
      const where = `${Math.ceil(trainer.step / trainer.schedule.stepsPerEpoch)}/${cursor.batchInEpoch}`;
      repeat = where === previous ? repeat + 1 : 1;
      previous = where;
      const notes = loopAnnotations(cursor, trainer.schedule, settings);
      expect(notes.inner, `step ${trainer.step}`).toBe(`inner step ${repeat} of 3`);
      expect(notes.batch?.startsWith(`batch ${cursor.batchInEpoch} of 3 · `)).toBe(true);
    });
    expect(repeat).toBe(3);
  });

  it('shows the rate in force and, at an epoch boundary, the rate the scheduler set for the next epoch', () => {
    const settings = settingsWith({ n: 20, b: 10, decay: 0.5, epochs: 3 });
    const mid = notesAfter(settings, 3).notes;
    expect(mid.optimizer).toBe(`lr now ${formatValue(epochLearningRate(settings, 1))}`);
    expect(mid.schedule).toBeUndefined();
    const boundary = notesAfter(settings, 4).notes;
    expect(boundary.schedule).toBe(`lr of epoch 3: ${formatValue(epochLearningRate(settings, 2))}`);
    // After the last epoch no rate is set for another.
    expect(notesAfter(settings, 6).notes.schedule).toBeUndefined();
    expect(notesAfter(settingsWith({ decay: 0 }), 3).notes.optimizer).toBeUndefined();
  });

  it('groups large counts and leaves out indices the cursor does not carry', () => {
    const cursor: AnnotatedCursor = {
      step: 123_457,
      batchInEpoch: 23_457,
      batch: new Uint32Array(0),
      batchSize: 1,
      batchLoss: 0.5,
      loss: 0.4,
      w1: 1,
      w2: 2,
      lr: 0.1,
    };
    const notes = loopAnnotations(cursor, { batchesPerEpoch: 100_000, stepsPerEpoch: 100_000 }, { epochs: 5, k: 1, decay: 0 });
    expect(notes.step).toBe('step t = 123,457');
    expect(notes.batch).toBe('batch 23,457 of 100,000 · 1 example');
    expect(notes.epoch).toBe('epoch 2 of 5');
  });

  it('writes the losses of a diverged run as symbols, not as NaN or Infinity', () => {
    const settings = settingsWith({ lr: 3 });
    let last: RunCursor | null = null;
    let status = '';
    walk(settings, Infinity, (trainer, cursor) => {
      last = cursor;
      status = trainer.status;
    });
    expect(status).toBe('diverged');
    const notes = loopAnnotations(last as unknown as RunCursor, createSchedule(settings), settings);
    for (const note of Object.values(notes)) expect(note).not.toMatch(/NaN|Infinity|undefined/);
    expect(notes.loss).toMatch(/^batch loss /);
  });
});
