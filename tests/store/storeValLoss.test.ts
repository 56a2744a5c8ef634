// The store keeps what the worker sends of the validation loss: every epoch
// end's val_loss and the cursor's, the engine's own numbers.
import { describe, expect, it } from 'vitest';
import { createEpochRecords, createTrainer } from '../../src/core/index.ts';
import { setup, settings } from './labHarness.ts';

describe('store and validation loss', () => {
  it('holds val_loss at every epoch end and in the cursor, bit for bit the engine’s, for val = 0.2', () => {
    const s = settings({ val: 0.2, epochs: 3 });
    const t = setup({ speed: 'max', settings: s });
    t.wait();
    t.state.play();
    t.wait(2000);
    const run = t.state.runs[0];
    expect(run.status).toBe('done');
    const direct = createTrainer(s);
    const epochs = createEpochRecords(3);
    direct.advance(Infinity, null, epochs);
    expect(run.epochs.length).toBe(3);
    expect(Array.from(run.epochs.valLoss!.subarray(0, 3))).toEqual(Array.from(epochs.valLoss!));
    expect(run.cursor.valLoss).toBe(direct.valLoss);
    expect(Number.isFinite(run.cursor.valLoss)).toBe(true);
  });

  it('holds NaN for a run without a validation set', () => {
    const t = setup({ speed: 'max', settings: settings({ epochs: 2 }) });
    t.wait();
    t.state.play();
    t.wait(2000);
    const run = t.state.runs[0];
    expect(run.epochs.length).toBe(2);
    expect(Array.from(run.epochs.valLoss!.subarray(0, 2)).every(Number.isNaN)).toBe(true);
    expect(run.cursor.valLoss).toBeNaN();
  });
});
