// The validation loss on its way to the page: every epoch end's val_loss and
// the cursor's, exactly the core trainer's, and nothing of it for a run
// without a validation set.
import { describe, expect, it } from 'vitest';
import { createEpochRecords, createTrainer } from '../../src/core/index.ts';
import { validateOutMessage } from '../../src/worker/outValidation.ts';
import { EpochLog } from '../../src/worker/epochLog.ts';
import { chunkMessage, cursor } from './outMessages.ts';
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
