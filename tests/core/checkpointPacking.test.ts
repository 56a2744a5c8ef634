import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer, resumeTrainer } from '../../src/core/trainer.ts';
import { MAX_PACKED_CHECKPOINT_LENGTH, packCheckpoint, packedCheckpointLength, unpackCheckpoint } from '../../src/core/checkpointPacking.ts';
import { OPTIMIZERS, SHUFFLE_MODES } from '../../src/core/settings.ts';
import { settingsWith } from './runs.ts';

const packCase = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    bFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    shuffle: fc.constantFrom(...SHUFFLE_MODES),
    drop: fc.boolean(),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    mom: fc.constantFrom(0, 0.9),
    k: fc.integer({ min: 1, max: 3 }),
    restart: fc.boolean(),
    val: fc.constantFrom(0, 0.3),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    atFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    offset: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ bFraction, atFraction, offset, ...rest }) => {
    const settings = settingsWith({ ...rest, b: Math.max(1, Math.min(rest.n, Math.round(bFraction * rest.n))), epochs: 4, lr: 0.02 });
    return { settings, at: Math.floor(atFraction * (createTrainer(settings).schedule.totalSteps - 1)), offset };
  });

describe('a packed checkpoint', () => {
  it('unpacks to the checkpoint it was packed from, and resumes to the same trainer, at any offset in a row', () => {
    fc.assert(
      fc.property(packCase, ({ settings, at, offset }) => {
        const trainer = createTrainer(settings);
        trainer.advance(at, null, null);
        const checkpoint = trainer.checkpoint();
        const width = packedCheckpointLength(settings);
        expect(width).toBeLessThanOrEqual(MAX_PACKED_CHECKPOINT_LENGTH);
        const row = new Float64Array(offset + width + 5).fill(Math.PI);
        packCheckpoint(checkpoint, row, offset);
        // Nothing written outside its place.
        for (const i of [...Array(offset).keys(), offset + width, offset + width + 4]) expect(row[i]).toBe(Math.PI);
        expect(unpackCheckpoint(checkpoint.settings, row, offset)).toEqual(checkpoint);
        const resumed = resumeTrainer(settings, unpackCheckpoint(settings, row, offset));
        trainer.advance(Infinity, null, null);
        resumed.advance(Infinity, null, null);
        for (const key of ['step', 'examples', 'epoch', 'w1', 'w2', 'loss', 'batchLoss', 'valLoss'] as const) expect(Object.is(resumed[key], trainer[key]), key).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is only of a running trainer: a stopped one has nothing to resume, and its message is text', () => {
    const diverged = createTrainer(settingsWith({ n: 20, b: 5, lr: 5 }));
    diverged.advance(Infinity, null, null);
    expect(diverged.status).toBe('diverged');
    expect(() => packCheckpoint(diverged.checkpoint(), new Float64Array(MAX_PACKED_CHECKPOINT_LENGTH), 0)).toThrow(/only a running trainer/);
  });
});
