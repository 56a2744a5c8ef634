// The page's exports carry valLoss for a run with a validation set, with the
// engine's numbers, and leave it out for a run without one (unchanged files).
import { describe, expect, it } from 'vitest';
import { createEpochRecords, createStepRecords, createTrainer } from '../../../src/core/index.ts';
import { EPOCH_CSV_HEADER, STEP_CSV_HEADER } from '../../../src/core/runReport.ts';
import { runEpochsCsv, runExportJson, runStepsCsv } from '../../../src/store/export/runExport.ts';
import { settingsWith } from './runViewFixture.ts';

function engine(settings: ReturnType<typeof settingsWith>, upTo: number) {
  const trainer = createTrainer(settings);
  const steps = createStepRecords(upTo);
  const epochs = createEpochRecords(settings.epochs);
  trainer.advance(upTo, steps, epochs);
  return { trainer, steps, epochs };
}

const body = (csv: string) => csv.split('\n').filter((line) => line && !line.startsWith('#'));

describe('exports with a validation set', () => {
  const settings = settingsWith({ val: 0.2, epochs: 3 });

  it('step CSV ends each row with valLoss, the engine’s, from step 0', () => {
    const [header, start, ...rows] = body(runStepsCsv(settings, 30));
    expect(header).toBe('step,epoch,w1,w2,batchLoss,loss,valLoss');
    const { trainer, steps } = engine(settings, 30);
    expect(rows).toHaveLength(30);
    expect(Number(start.split(',').at(-1))).toBe(createTrainer(settings).valLoss);
    rows.forEach((row, i) => expect(Number(row.split(',').at(-1))).toBe(steps.valLoss![i]));
    expect(Number(rows[29].split(',').at(-1))).toBe(trainer.valLoss);
  });

  it('epoch CSV and JSON carry valLoss at each epoch end', () => {
    const { epochs } = engine(settings, 30);
    const [header, ...rows] = body(runEpochsCsv(settings, epochs));
    expect(header).toBe('epoch,step,loss,meanBatchLoss,w1,w2,valLoss');
    expect(rows.map((r) => Number(r.split(',').at(-1)))).toEqual(Array.from(epochs.valLoss!.subarray(0, 3)));
    const json = JSON.parse(runExportJson(settings, 30)) as { epochs: { valLoss: number }[]; steps: { valLoss: number[] } };
    expect(json.epochs.map((e) => e.valLoss)).toEqual(Array.from(epochs.valLoss!.subarray(0, 3)));
    expect(json.steps.valLoss).toHaveLength(31);
  });

  it('leaves valLoss out without a validation set', () => {
    const plain = settingsWith({ epochs: 3 });
    const { epochs } = engine(plain, 30);
    expect(body(runStepsCsv(plain, 30))[0]).toBe(STEP_CSV_HEADER.trim());
    expect(body(runEpochsCsv(plain, epochs))[0]).toBe(EPOCH_CSV_HEADER.trim());
    expect(runExportJson(plain, 30)).not.toContain('valLoss');
  });
});
