// The hot loop (sgdSteps.ts), through the trainer that drives it: each step
// is exactly the arithmetic of loss.ts, which the loop writes out inline.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer } from '../../src/core/trainer.ts';
import { batchLossAndGradient, fullLoss } from '../../src/core/loss.ts';
import { SHUFFLE_MODES, type Settings } from '../../src/core/settings.ts';
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

/**
 * PyTorch's Adam and RMSprop for two scalar weights, written from their
 * documented formulas (torch/optim/adam.py, rmsprop.py) with Math.pow for βᵗ:
 * an independent reference, not the engine's code.
 */
function referenceOptimizer(settings: Settings) {
  const m = [0, 0];
  const v = [0, 0];
  const buf = [0, 0];
  let t = 0;
  return (w: number[], g: number[], lr: number): number[] => {
    t++;
    return w.map((wi, i) => {
      if (settings.optimizer === 'adam') {
        m[i] = 0.9 * m[i] + (1 - 0.9) * g[i];
        v[i] = 0.999 * v[i] + (1 - 0.999) * g[i] * g[i];
        const mHat = m[i] / (1 - Math.pow(0.9, t));
        const vHat = v[i] / (1 - Math.pow(0.999, t));
        return wi - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
      }
      v[i] = 0.99 * v[i] + (1 - 0.99) * g[i] * g[i];
      const scaled = g[i] / (Math.sqrt(v[i]) + 1e-8);
      if (settings.mom === 0) return wi - lr * scaled;
      buf[i] = settings.mom * buf[i] + scaled;
      return wi - lr * buf[i];
    });
  };
}

describe('Adam and RMSprop steps', () => {
  const cases: [string, Settings][] = [
    ['adam, linear', settingsWith({ optimizer: 'adam', n: 23, b: 4, epochs: 6, lr: 0.05 })],
    ['adam, deep, k = 3, decay', settingsWith({ optimizer: 'adam', model: 'deep', w0: [0.4, 0.3], n: 23, b: 4, k: 3, decay: 0.5, epochs: 4, lr: 0.02 })],
    ['rmsprop, plane', settingsWith({ optimizer: 'rmsprop', data: 'plane', rho: 0.6, n: 23, b: 4, epochs: 6, lr: 0.01 })],
    ['rmsprop with momentum, deep', settingsWith({ optimizer: 'rmsprop', mom: 0.7, model: 'deep', w0: [0.4, 0.3], n: 23, b: 4, epochs: 6, lr: 0.005 })],
  ];
  for (const [name, settings] of cases) {
    it(`follow PyTorch's update rule on every step, the state carried from epoch to epoch: ${name}`, () => {
      const trainer = createTrainer(settings);
      const step = referenceOptimizer(settings);
      const gradient = new Float64Array(2);
      let w = [trainer.w1, trainer.w2];
      while (trainer.status === 'running') {
        const lr = trainer.lr;
        trainer.advance(1, null, null);
        batchLossAndGradient(trainer.data, settings.model, w[0], w[1], trainer.currentBatch(), gradient);
        w = step(w, [gradient[0], gradient[1]], lr);
        // Math.pow and the engine's running product of β differ in the last bits, nothing more.
        expect(Math.abs(trainer.w1 - w[0]) / Math.abs(w[0]), `w1 at step ${trainer.step}`).toBeLessThan(1e-12);
        expect(Math.abs(trainer.w2 - w[1]) / Math.abs(w[1]), `w2 at step ${trainer.step}`).toBeLessThan(1e-12);
        // The reference goes on from the engine's weights, so rounding cannot pile up over the run.
        w = [trainer.w1, trainer.w2];
      }
      expect(trainer.status).toBe('done');
    });
  }
});
