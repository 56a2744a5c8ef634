// The validation loss on its way to the page: every epoch end's val_loss and
// the cursor's, and a series thinned by it (the M4 of every step's), exactly
// the core trainer's, and nothing of it for a run without a validation set.
import { describe, expect, it } from 'vitest';
import { createEpochRecords, createStepRecords, createTrainer, SERIES_COLUMNS } from '../../src/core/index.ts';
import { m4Of } from '../../src/worker/m4.ts';
import { validateOutMessage } from '../../src/worker/outValidation.ts';
import { EpochLog } from '../../src/worker/epochLog.ts';
import type { PageView } from '../../src/worker/protocol.ts';
import { planFor } from '../../src/worker/viewPlan.ts';
import { chunkMessage, cursor, delta } from './outMessages.ts';
import { bytes, Harness, settings } from './runnerHarness.ts';

/** The core trainer's epoch records of a whole run. */
function coreEpochs(s: ReturnType<typeof settings>) {
  const trainer = createTrainer(s);
  const epochs = createEpochRecords(s.epochs);
  while (trainer.status === 'running') trainer.advance(1000, null, epochs);
  return { trainer, epochs };
}

function sentValLoss(h: Harness, id: string): { rows: number[]; withColumn: number; without: number } {
  const rows: number[] = [];
  let withColumn = 0;
  let without = 0;
  for (const chunk of h.chunks())
    for (const run of chunk.runs) {
      if (run.id !== id || run.epochs.length === 0) continue;
      if (run.epochs.valLoss) {
        withColumn++;
        rows.push(...run.epochs.valLoss.subarray(0, run.epochs.length));
      } else without++;
    }
  return { rows, withColumn, without };
}

describe('validation loss from the worker', () => {
  it('sends val_loss at every epoch end and in the cursor, equal to the core trainer’s, for val = 0.2', () => {
    const s = settings({ val: 0.2, epochs: 4 });
    const h = new Harness();
    h.configure([{ id: 'a', settings: s }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(1000);
    const { trainer, epochs } = coreEpochs(s);
    const sent = sentValLoss(h, 'a');
    expect(sent.without).toBe(0);
    expect(sent.rows).toHaveLength(4);
    expect(sent.rows.every(Number.isFinite)).toBe(true);
    expect(bytes(sent.rows)).toEqual(bytes(epochs.valLoss!.subarray(0, epochs.length)));
    // val_loss is not the training loss: the mark would otherwise say nothing new.
    expect(sent.rows).not.toEqual(h.epochColumn('a', 'loss'));
    const last = h.chunks().at(-1)!.runs.find((r) => r.id === 'a')!;
    expect(last.cursor.valLoss).toBe(trainer.valLoss);
  });

  it('sends no valLoss column and a NaN cursor value for a run without a validation set', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings({ epochs: 2 }) }]);
    h.send({ type: 'stepEpoch' });
    h.runUntilSettled(1000);
    const sent = sentValLoss(h, 'a');
    expect(sent.withColumn).toBe(0);
    expect(sent.without).toBeGreaterThan(0);
    expect(h.chunks().at(-1)!.runs[0].cursor.valLoss).toBeNaN();
  });

  it('keeps valLoss in the epoch log, NaN for rows appended without one, across a regrowth', () => {
    const log = new EpochLog();
    const withVal = createEpochRecords(40);
    withVal.length = 40;
    withVal.valLoss.fill(0.25);
    const without = createEpochRecords(40);
    without.length = 40;
    const { valLoss: _dropped, ...plain } = without;
    log.append(withVal);
    log.append(plain);
    expect(log.length).toBe(80);
    expect(log.capacity).toBeGreaterThanOrEqual(80);
    expect(Array.from(log.valLoss.subarray(0, 40))).toEqual(new Array(40).fill(0.25));
    expect(Array.from(log.valLoss.subarray(40, 80)).every(Number.isNaN)).toBe(true);
  });
});

describe('the validation loss series from the worker', () => {
  const view = (patch: Partial<PageView> = {}): PageView => ({ pixels: 256, unit: 'steps', log: false, range: null, ...patch });

  /** Every step of a run straight from the core trainer, its valLoss column included. */
  function straight(s: ReturnType<typeof settings>, upTo: number) {
    const trainer = createTrainer(s);
    const rows = createStepRecords(upTo);
    trainer.advance(upTo, rows, null);
    return rows;
  }

  it('sends the M4 of the engine’s valLoss column, keyed on valLoss, for the whole run and a zoom finer than the pyramid', () => {
    const s = settings({ n: 50_000, b: 1, val: 0.2, epochs: 2 });
    const reach = 60_000;
    const h = new Harness(0.02);
    h.send({ type: 'view', view: view() });
    h.configure([{ id: 'a', settings: s, replayTo: reach }]);
    h.runUntilSettled(60_000);
    expect(h.stepOf('a')).toBe(reach);
    const all = straight(s, reach);
    expect(Array.from(all.valLoss.subarray(0, reach)).every(Number.isFinite)).toBe(true);
    const extent = { stepsPerEpoch: 50_000, examplesPerEpoch: 50_000, reach };
    // Whole run (the plan the worker makes when a view comes at this reach), then zoomed to 1,000 steps (replayed).
    for (const v of [view({ pixels: 255 }), view(), view({ range: [20_000, 21_000] }), view({ unit: 'epochs', log: true, range: [0.1, 0.3] })]) {
      h.send({ type: 'view', view: v });
      h.scheduler.advance(100);
      const want = m4Of(all, 'valLoss', planFor(v, extent));
      const got = h.series('a', 'valLoss');
      expect(got.length).toBe(want.length);
      for (const column of SERIES_COLUMNS) expect(bytes(got[column].subarray(0, got.length)), column).toEqual(bytes(want[column]));
      // Keyed on valLoss, not on the loss: the rows differ from the loss series' where the two disagree on extremes.
      expect(bytes(got.step.subarray(0, got.length))).not.toEqual(bytes(m4Of(all, 'loss', planFor(v, extent)).step));
    }
    // Every series' rows carry the validation loss at their own step.
    const loss = h.series('a', 'loss');
    for (let i = 0; i < loss.length; i += 97) expect(loss.valLoss[i]).toBe(all.valLoss[loss.step[i] - 1]);
  });

  it('sends every step of a short run, appended chunk by chunk, in every chunk', () => {
    const s = settings({ val: 0.2, epochs: 3 });
    const h = new Harness();
    h.configure([{ id: 'a', settings: s }]);
    h.send({ type: 'speed', stepsPerSecond: 60 });
    h.send({ type: 'play' });
    h.runUntilSettled(10_000);
    expect(h.chunks().every((c) => c.runs.every((r) => r.valLoss !== undefined))).toBe(true);
    const all = straight(s, 30);
    const got = h.series('a', 'valLoss');
    expect(got.length).toBe(30);
    expect(bytes(got.valLoss.subarray(0, 30))).toEqual(bytes(all.valLoss.subarray(0, 30)));
  });

  it('sends no validation loss series, and keeps no pyramid of one, for a run without a validation set', () => {
    const h = new Harness();
    h.configure([
      { id: 'plain', settings: settings({ epochs: 2 }) },
      { id: 'val', settings: settings({ epochs: 2, val: 0.2 }) },
    ]);
    h.send({ type: 'stepEpoch' });
    h.runUntilSettled(1000);
    const runs = h.chunks().flatMap((c) => c.runs);
    expect(runs.filter((r) => r.id === 'plain').every((r) => !('valLoss' in r))).toBe(true);
    expect(runs.filter((r) => r.id === 'val').every((r) => r.valLoss !== undefined)).toBe(true);
    const [plain, val] = h.runner.footprint();
    expect(val.pyramidBytes).toBe((3 / 2) * plain.pyramidBytes);
    // Its series' rows still carry the column, NaN throughout.
    const loss = h.series('plain', 'loss');
    expect(Array.from(loss.valLoss.subarray(0, loss.length)).every(Number.isNaN)).toBe(true);
  });
});

describe('validateOutMessage and valLoss', () => {
  const refused = (raw: unknown): string => {
    const result = validateOutMessage(raw);
    if (result.ok) throw new Error('expected a refusal');
    return result.message;
  };
  const withEpochs = (epochs: Record<string, unknown>, cursorPatch = {}) => {
    const message = chunkMessage(1);
    Object.assign(message.runs[0], { epochs, cursor: cursor(cursorPatch) });
    return message;
  };

  it('accepts epochs with or without a valLoss column of their length, and a cursor valLoss that is NaN or a number', () => {
    const records = createEpochRecords(2);
    records.length = 2;
    const { valLoss: _none, ...plain } = records;
    expect(validateOutMessage(withEpochs(records, { valLoss: 0.4 })).ok).toBe(true);
    expect(validateOutMessage(withEpochs(plain, { valLoss: NaN })).ok).toBe(true);
  });

  it('accepts a run’s valLoss series delta, and refuses one that is not a well-formed delta', () => {
    const message = chunkMessage(1);
    Object.assign(message.runs[0], { valLoss: delta(2) });
    expect(validateOutMessage(message).ok).toBe(true);
    Object.assign(message.runs[0], { valLoss: delta(2, { keep: -1 }) });
    expect(refused(message)).toMatch(/valLoss.keep must be a non-negative integer/);
    const records = createStepRecords(2);
    records.length = 2;
    const { valLoss: _none, ...noColumn } = records;
    Object.assign(message.runs[0], { valLoss: delta(2, { rows: noColumn }) });
    expect(refused(message)).toMatch(/valLoss.rows.valLoss must be a Float64Array/);
  });

  it('refuses a valLoss column of the wrong kind or length, and a cursor without a numeric valLoss', () => {
    const records = createEpochRecords(2);
    records.length = 2;
    expect(refused(withEpochs({ ...records, valLoss: new Float64Array(1) }))).toMatch(/epochs.valLoss has 1 entries, not 2/);
    expect(refused(withEpochs({ ...records, valLoss: [1, 2] }))).toMatch(/epochs.valLoss must be a Float64Array/);
    const message = chunkMessage(1);
    const { valLoss: _gone, ...noVal } = cursor();
    Object.assign(message.runs[0], { cursor: noVal });
    expect(refused(message)).toMatch(/cursor.valLoss must be a number, not undefined/);
  });
});
