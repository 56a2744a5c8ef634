import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer, resumeTrainer } from '../../src/core/trainer.ts';
import { createEpochRecords, createStepRecords, EPOCH_COLUMNS, STEP_COLUMNS } from '../../src/core/records.ts';
import type { EpochRecords, StepRecords } from '../../src/core/records.ts';
import { OPTIMIZERS, SHUFFLE_MODES } from '../../src/core/settings.ts';
import type { Settings } from '../../src/core/settings.ts';
import type { Trainer } from '../../src/core/types.ts';
import { settingsWith } from './runs.ts';

interface Rows {
  steps: StepRecords;
  epochs: EpochRecords;
}

function rowsFor(settings: Settings): Rows {
  const totalSteps = createTrainer(settings).schedule.totalSteps;
  return { steps: createStepRecords(Math.max(1, totalSteps)), epochs: createEpochRecords(settings.epochs) };
}

/** Steps one call at a time in uneven chunks, so chunk edges fall everywhere. */
function trainTo(trainer: Trainer, step: number, rows: Rows): void {
  let chunk = 1;
  while (trainer.status === 'running' && trainer.step < step) {
    trainer.advance(Math.min(chunk, step - trainer.step), rows.steps, rows.epochs);
    chunk = (chunk * 7 + 3) % 11 || 1;
  }
}

function expectSameRows<C extends string>(a: { length: number } & Record<C, Float64Array>, b: { length: number } & Record<C, Float64Array>, columns: readonly C[]): void {
  expect(b.length).toBe(a.length);
  for (const column of columns) {
    for (let i = 0; i < a.length; i++) {
      if (!Object.is(a[column][i], b[column][i])) expect.fail(`${column} differs at row ${i}: ${a[column][i]} vs ${b[column][i]}`);
    }
  }
}

function expectSameTrainer(a: Trainer, b: Trainer): void {
  for (const key of ['step', 'examples', 'epoch', 'batchInEpoch', 'w1', 'w2', 'loss', 'batchLoss', 'lr', 'status'] as const) {
    expect(Object.is(a[key], b[key]), key).toBe(true);
  }
  expect(b.divergence).toEqual(a.divergence);
  expect(Array.from(b.currentBatch())).toEqual(Array.from(a.currentBatch()));
  expect(Array.from(b.epochOrder())).toEqual(Array.from(a.epochOrder()));
}

/**
 * Trains `settings` straight to the end, and again stopping at `at`: the
 * second run is checkpointed there (through structuredClone, as a worker
 * message would carry it), and the original trainer is trained on first, so
 * a checkpoint that shared live arrays would be caught. Every step and
 * epoch row of the resumed run must equal the straight run's.
 */
function expectResumesExactly(settings: Settings, at: number): void {
  const straight = rowsFor(settings);
  const straightTrainer = createTrainer(settings);
  trainTo(straightTrainer, Infinity, straight);

  const before = rowsFor(settings);
  const original = createTrainer(settings);
  trainTo(original, at, before);
  const checkpoint = structuredClone(original.checkpoint());
  const stepsBefore = before.steps.length;
  trainTo(original, Infinity, before);

  const resumed = resumeTrainer(settings, checkpoint);
  expect(resumed.step).toBe(checkpoint.step);
  const after = rowsFor(settings);
  // The resumed run appends to copies of the rows recorded before the checkpoint.
  for (const column of STEP_COLUMNS) after.steps[column].set(before.steps[column].subarray(0, stepsBefore));
  after.steps.length = stepsBefore;
  for (const column of EPOCH_COLUMNS) after.epochs[column].set(before.epochs[column].subarray(0, checkpoint.epoch));
  after.epochs.length = checkpoint.epoch;
  trainTo(resumed, Infinity, after);

  expectSameRows(straight.steps, after.steps, STEP_COLUMNS);
  expectSameRows(straight.epochs, after.epochs, EPOCH_COLUMNS);
  expectSameRows(straight.steps, before.steps, STEP_COLUMNS);
  expectSameTrainer(straightTrainer, resumed);
}

const BASE = { n: 23, b: 5, epochs: 4, lr: 0.05 };

describe('trainer checkpoints', () => {
  const cases: [string, Partial<Settings>][] = [
    ...SHUFFLE_MODES.map((shuffle): [string, Partial<Settings>] => [`shuffle=${shuffle}`, { shuffle }]),
    ...SHUFFLE_MODES.map((shuffle): [string, Partial<Settings>] => [`shuffle=${shuffle} with drop-last`, { shuffle, drop: true }]),
    ['momentum 0.9', { mom: 0.9 }],
    ['adam', { optimizer: 'adam' }],
    ['adam with restart=1 and decay', { optimizer: 'adam', restart: true, decay: 0.5 }],
    ['rmsprop', { optimizer: 'rmsprop', lr: 0.01 }],
    ['rmsprop with momentum 0.9, the deep model, k = 2', { optimizer: 'rmsprop', mom: 0.9, model: 'deep', w0: [0.5, 0.5], k: 2, lr: 0.01 }],
    ['restart=1', { restart: true, shuffle: 'epoch' }],
    ['init=random', { init: 'random' }],
    ['the deep model', { model: 'deep', w0: [0.5, 0.5] }],
    ['plane data', { data: 'plane', rho: 0.8 }],
    ['k = 3 steps per batch with decay', { k: 3, decay: 0.5, shuffle: 'batches' }],
    ['a single batch per epoch', { b: 23 }],
  ];
  for (const [name, overrides] of cases) {
    it(`resume bit for bit at every step: ${name}`, () => {
      const settings = settingsWith({ ...BASE, ...overrides });
      const total = createTrainer(settings).schedule.totalSteps;
      for (let at = 0; at <= total; at++) expectResumesExactly(settings, at);
    });
  }

  it('resume bit for bit for any settings and step (property)', () => {
    const smallRun = fc
      .record({
        n: fc.integer({ min: 1, max: 40 }),
        bFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        shuffle: fc.constantFrom(...SHUFFLE_MODES),
        drop: fc.boolean(),
        lr: fc.constantFrom(0.01, 0.05, 0.2, 3),
        decay: fc.constantFrom(0, 0.3),
        mom: fc.constantFrom(0, 0.5, 0.9),
        optimizer: fc.constantFrom(...OPTIMIZERS),
        k: fc.integer({ min: 1, max: 3 }),
        epochs: fc.integer({ min: 1, max: 5 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        data: fc.constantFrom('line' as const, 'plane' as const),
        init: fc.constantFrom('w0' as const, 'random' as const),
        model: fc.constantFrom('linear' as const, 'deep' as const),
        restart: fc.boolean(),
        atFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ bFraction, atFraction, ...rest }) => {
        const settings = settingsWith({ ...rest, b: Math.max(1, Math.min(rest.n, Math.round(bFraction * rest.n))), data: rest.model === 'deep' ? 'line' : rest.data });
        return { settings, at: Math.round(atFraction * createTrainer(settings).schedule.totalSteps) };
      });
    fc.assert(
      fc.property(smallRun, ({ settings, at }) => expectResumesExactly(settings, at)),
      { numRuns: 300 },
    );
  });

  it('resume a diverged run as diverged, with its message, taking no further step', () => {
    const settings = settingsWith({ ...BASE, lr: 5 });
    const trainer = createTrainer(settings);
    trainTo(trainer, Infinity, rowsFor(settings));
    expect(trainer.status).toBe('diverged');
    const resumed = resumeTrainer(settings, structuredClone(trainer.checkpoint()));
    expectSameTrainer(trainer, resumed);
    expect(resumed.advance(10, null, null)).toBe(0);
  });

  it('count example gradients: the sum of every step’s batch size', () => {
    for (const shuffle of SHUFFLE_MODES) {
      const settings = settingsWith({ n: 23, b: 5, k: 2, epochs: 3, shuffle, drop: shuffle === 'once' });
      const trainer = createTrainer(settings);
      let examples = 0;
      expect(trainer.examples).toBe(0);
      while (trainer.advance(1, null, null) === 1) {
        examples += trainer.currentBatch().length;
        expect(trainer.examples).toBe(examples);
      }
      expect(examples).toBe(settings.epochs * settings.k * trainer.schedule.examplesPerEpoch);
    }
    const diverging = createTrainer(settingsWith({ n: 23, b: 5, lr: 5 }));
    let examples = 0;
    while (diverging.advance(1, null, null) === 1) examples += diverging.currentBatch().length;
    expect(diverging.status).toBe('diverged');
    expect(diverging.examples).toBe(examples);
  });

  it('hold only plain data: a few numbers whatever n, the epoch’s order kept as the generator state it is drawn from', () => {
    for (const shuffle of SHUFFLE_MODES) {
      const settings = settingsWith({ n: 100_000, b: 10, shuffle });
      const trainer = createTrainer(settings);
      trainer.advance(3, null, null);
      const checkpoint = trainer.checkpoint();
      expect(structuredClone(checkpoint)).toEqual(checkpoint);
      const arrays = Object.entries({ ...checkpoint, ...checkpoint.batchOrder }).filter(([, v]) => ArrayBuffer.isView(v));
      expect(arrays.map(([key]) => key), shuffle).toEqual(['optimizerState']);
    }
  });

  it('are refused by a run of other settings, or when malformed, with the reason', () => {
    const settings = settingsWith(BASE);
    const checkpoint = createTrainer(settings).checkpoint();
    expect(() => resumeTrainer(settingsWith({ ...BASE, lr: 0.1 }), checkpoint)).toThrow(/another run: lr is 0\.1 here but 0\.05/);
    expect(() => resumeTrainer(settingsWith({ ...BASE, w0: [0, 0] }), checkpoint)).toThrow(/w0/);
    expect(() => resumeTrainer(settings, { ...checkpoint, step: 1e9 })).toThrow(/past the run's last step/);
    expect(() => resumeTrainer(settings, { ...checkpoint, batch: -1 })).toThrow(/whole numbers/);
    expect(() => resumeTrainer(settings, { ...checkpoint, optimizerState: new Float64Array(5) })).toThrow(/optimizer state has 5 numbers; sgd keeps 2/);
    const adam = settingsWith({ ...BASE, optimizer: 'adam' });
    const adamCheckpoint = createTrainer(adam).checkpoint();
    expect(adamCheckpoint.optimizerState.length).toBe(6);
    expect(() => resumeTrainer(adam, { ...adamCheckpoint, optimizerState: new Float64Array(2) })).toThrow(/optimizer state has 2 numbers; adam keeps 6/);
    expect(() => resumeTrainer(settings, { ...checkpoint, repeats: 1 })).toThrow(/place in the epoch/);
    expect(() => resumeTrainer(settings, { ...checkpoint, batchOrder: { ...checkpoint.batchOrder, layoutRandom: -1 } })).toThrow(/generator states/);
    expect(() => resumeTrainer(settings, { ...checkpoint, restartRandom: 2 ** 32 })).toThrow(/generator states/);
  });

  it('lend their data set to a resumed trainer on the same data only', () => {
    const settings = settingsWith(BASE);
    const trainer = createTrainer(settings);
    trainer.advance(7, null, null);
    const resumed = resumeTrainer(settings, trainer.checkpoint(), trainer);
    expect(resumed.data).toBe(trainer.data);
    expectSameTrainer(trainer, resumed);
    expect(() => resumeTrainer(settings, trainer.checkpoint(), createTrainer(settingsWith({ ...BASE, seed: 2 })))).toThrow(/another run/);
  });
});
