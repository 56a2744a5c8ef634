// The hot loop (sgdSteps.ts), through the trainer that drives it: each step
// is exactly the arithmetic of loss.ts, which the loop writes out inline.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer } from '../../src/core/trainer.ts';
import { batchLossAndGradient, fullLoss } from '../../src/core/loss.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';
import { settingsWith } from './runs.ts';

describe('each step', () => {
  it('is the mini-batch loss and gradient of loss.ts, and the O(1) full loss, exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('linear' as const, 'deep' as const),
        fc.constantFrom(...SHUFFLE_MODES),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (model, shuffle, b, seed) => {
          const settings = settingsWith({ model, shuffle, b, seed, n: 23, epochs: 3, lr: 0.01 });
          const trainer = createTrainer(settings);
          const gradient = new Float64Array(2);
          while (trainer.status === 'running') {
            const [w1, w2] = [trainer.w1, trainer.w2];
            trainer.advance(1, null, null);
            const batchLoss = batchLossAndGradient(trainer.data, model, w1, w2, trainer.currentBatch(), gradient);
            expect(trainer.batchLoss).toBe(batchLoss);
            expect(trainer.w1).toBe(w1 - settings.lr * gradient[0]);
            expect(trainer.w2).toBe(w2 - settings.lr * gradient[1]);
            expect(trainer.loss).toBe(fullLoss(trainer.stats, model, trainer.w1, trainer.w2));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
