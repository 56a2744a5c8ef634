// The store keeps what the worker sends of the validation loss: every epoch
// end's val_loss, the cursor's and its series per step, the engine's own
// numbers; a run without a validation set has no such series.
import { describe, expect, it } from 'vitest';
import { createEpochRecords, createStepRecords, createTrainer } from '../../src/core/index.ts';
import { newRun, withChunk } from '../../src/store/runRecords.ts';
import { chunkMessage, delta } from '../worker/outMessages.ts';
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

  it('holds the validation loss series, every step of a short run, bit for bit the engine’s valLoss column', () => {
    const s = settings({ val: 0.2, epochs: 3 });
    const t = setup({ speed: 'max', settings: s });
    t.wait();
    t.state.play();
    t.wait(2000);
    const series = t.state.runs[0].valLossSeries!;
    const direct = createTrainer(s);
    const rows = createStepRecords(30);
    direct.advance(30, rows, null);
    expect(series.length).toBe(30);
    expect(Array.from(series.step.subarray(0, 30))).toEqual(Array.from(rows.step.subarray(0, 30)));
    expect(Array.from(series.valLoss.subarray(0, 30))).toEqual(Array.from(rows.valLoss.subarray(0, 30)));
  });

  it('has no validation loss series without a validation set, and refuses a chunk that disagrees', () => {
    const t = setup({ speed: 'max', settings: settings({ epochs: 2 }) });
    t.wait();
    expect(t.state.runs[0].valLossSeries).toBeNull();
    const plain = newRun('a', settings({ epochs: 2 }), '#000', true);
    const withVal = newRun('a', settings({ epochs: 2, val: 0.2 }), '#000', true);
    const [bare] = chunkMessage(1).runs;
    const sent = { ...bare, valLoss: delta(2) };
    expect(withChunk(plain, bare)).not.toBeNull();
    expect(withChunk(plain, sent)).toBeNull();
    expect(withChunk(withVal, bare)).toBeNull();
    expect(withChunk(withVal, sent)?.valLossSeries?.length).toBe(2);
  });
});
