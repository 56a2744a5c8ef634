// DATA_SETTING_NAMES is the one list of what the examples are drawn from: the
// worker shares a data set between runs that agree on it, so a setting
// missing from it would hand one run another's data, and one listed needlessly
// would only cost memory. Both directions are checked here, setting by setting.
import { describe, expect, it } from 'vitest';
import { DATA_SETTING_NAMES, dataDifference, dataKey, generateValidationData, validationSize } from '../../src/core/data.ts';
import { createStepRecords } from '../../src/core/records.ts';
import { SETTING_NAMES, type Settings } from '../../src/core/settings.ts';
import { createTrainer } from '../../src/core/trainer.ts';
import type { Trainer } from '../../src/core/types.ts';
import { recordRun, settingsWith } from './runs.ts';

/** The bytes of a column, so doubles compare bit for bit (NaN and −0 included). */
const bytes = (column: Float64Array) => new Uint8Array(column.buffer, column.byteOffset, column.byteLength);

// Plane data and a validation set, so that rho and val are in play.
const BASE = settingsWith({ n: 40, b: 4, data: 'plane', rho: 0.3, val: 0.25, epochs: 2 });

/** Another valid value of each setting, differing from BASE's. */
const OTHER: { [K in keyof Settings]: Settings[K] } = {
  n: 41,
  b: 5,
  shuffle: 'batches',
  drop: true,
  optimizer: 'adam',
  lr: 0.02,
  decay: 0.5,
  mom: 0.5,
  k: 2,
  epochs: 3,
  seed: 2,
  data: 'line',
  rho: 0.6,
  noise: 0.7,
  w0: [0.5, 0.5],
  init: 'random',
  model: 'deep',
  restart: true,
  val: 0.5,
};

/**
 * Every number of the trainer's data set and of its validation set, as bytes.
 * The trainer keeps only the validation set's averages, so its examples are
 * drawn here as the trainer's averages are (generateValidationData).
 */
function examples(trainer: Trainer): Uint8Array[] {
  const { settings } = trainer;
  const sets = [trainer.data, ...(validationSize(settings) > 0 ? [generateValidationData(settings)] : [])];
  return sets.flatMap((d) => [bytes(d.x1), bytes(d.x2), bytes(d.y)]);
}

describe('the data settings', () => {
  it('name every setting the examples depend on, and no other', () => {
    for (const name of SETTING_NAMES) {
      // The deep model takes line data only.
      const from: Settings = name === 'model' ? { ...BASE, data: 'line' } : BASE;
      const changed = { ...from, [name]: OTHER[name] } as Settings;
      const base = examples(createTrainer(from));
      const same = examples(createTrainer(changed)).every((b, i) => b.length === base[i]?.length && b.every((x, j) => x === base[i][j]));
      const listed = (DATA_SETTING_NAMES as readonly string[]).includes(name);
      expect(same, name).toBe(!listed);
      expect(dataDifference(from, changed) === null, name).toBe(!listed);
      expect(dataKey(changed) === dataKey(from), name).toBe(!listed);
    }
  });

  it('key exactly what the lending check accepts, −0 included (a lender found by key is never refused)', () => {
    const negative: Settings = { ...BASE, rho: -0 };
    const otherBatch: Settings = { ...BASE, b: 7 };
    expect(dataDifference(BASE, negative)).not.toBeNull();
    expect(dataKey(negative)).not.toBe(dataKey(BASE));
    expect(dataKey(otherBatch)).toBe(dataKey(BASE));
  });

  // Other b; the same b, n and drop-last (the lender's batch bounds are lent too); the same but shuffle=batches (they are not).
  it.each([
    { b: 3, shuffle: 'once' as const, optimizer: 'rmsprop' as const, lr: 0.01 },
    { shuffle: 'none' as const, optimizer: 'adam' as const },
    { shuffle: 'batches' as const, mom: 0.5 },
  ])('let a compared run on the same data lend its data set, training exactly as on its own (%o)', (change) => {
    const settings = { ...BASE, ...change };
    const lender = createTrainer(BASE);
    const borrower = createTrainer(settings, lender);
    expect(borrower.data).toBe(lender.data);
    expect(borrower.validation).toBe(lender.validation);
    const alone = recordRun(settings);
    const steps = createStepRecords(borrower.schedule.totalSteps);
    borrower.advance(Infinity, steps, null);
    expect(steps.length).toBe(alone.steps.length);
    for (const column of ['w1', 'w2', 'loss', 'batchLoss', 'valLoss'] as const) expect(bytes(steps[column]!)).toEqual(bytes(alone.steps[column]!));
    // The lender, trained after its borrower, is untouched by it.
    const lenderSteps = createStepRecords(lender.schedule.totalSteps);
    lender.advance(Infinity, lenderSteps, null);
    const lenderAlone = recordRun(BASE);
    for (const column of ['w1', 'w2', 'loss', 'batchLoss', 'valLoss'] as const) expect(bytes(lenderSteps[column]!)).toEqual(bytes(lenderAlone.steps[column]!));
  });

  it('refuse a lender whose data differ', () => {
    expect(() => createTrainer({ ...BASE, b: 3 }, createTrainer({ ...BASE, noise: 0.5 }))).toThrow(/another run whose data differ: noise/);
  });
});
