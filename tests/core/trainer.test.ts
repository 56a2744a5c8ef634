import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer } from '../../src/core/trainer.ts';
import { createEpochRecords, createStepRecords, EPOCH_COLUMNS, STEP_COLUMNS } from '../../src/core/records.ts';
import { fullGradient, fullLoss } from '../../src/core/loss.ts';
import { optimum } from '../../src/core/optimum.ts';
import { largestStableLr } from '../../src/core/curvature.ts';
import { randomStream, uniformFrom } from '../../src/core/random.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';
import type { Settings } from '../../src/core/settings.ts';
import type { Dataset } from '../../src/core/types.ts';
import { maxRelativeDifference, recordRun, settingsWith } from './runs.ts';

const WITHOUT_REPLACEMENT = SHUFFLE_MODES.filter((m) => m !== 'replacement');

describe('full-batch runs (b = n)', () => {
  it('follow the same path in every mode but replacement', () => {
    for (const model of ['linear', 'deep'] as const) {
      for (const drop of [false, true]) {
        const runs = WITHOUT_REPLACEMENT.map((shuffle) => recordRun(settingsWith({ n: 50, b: 50, drop, shuffle, model, epochs: 30, mom: 0.5 })));
        const [first, ...others] = runs;
        for (const run of others) {
          for (const column of STEP_COLUMNS) {
            expect(maxRelativeDifference(run.steps[column], first.steps[column], first.steps.length)).toBeLessThan(1e-12);
          }
        }
      }
    }
  });

  it('converge to the optimum below the largest stable rate', () => {
    for (const model of ['linear', 'deep'] as const) {
      const probe = createTrainer(settingsWith({ model }));
      const lr = 0.9 * largestStableLr(probe.stats, model);
      const { trainer } = recordRun(settingsWith({ model, b: 100, lr, epochs: 3000, w0: [0.5, 0.5] }));
      const best = optimum(trainer.stats, model);
      expect(trainer.status).toBe('done');
      if (model === 'linear') {
        expect(trainer.w1).toBeCloseTo(best.w[0], 6);
        expect(trainer.w2).toBeCloseTo(best.w[1], 6);
      } else {
        expect(trainer.w1 * trainer.w2).toBeCloseTo(best.product ?? NaN, 6);
      }
      expect(trainer.loss).toBeCloseTo(best.loss, 9);
    }
  });

  it('diverge above it, stopping with a message that names the step, the loss and both rates', () => {
    const probe = createTrainer(settingsWith({}));
    const stable = largestStableLr(probe.stats, 'linear');
    const { trainer, steps, epochs } = recordRun(settingsWith({ b: 100, lr: 2.5 * stable, epochs: 1000 }));
    expect(trainer.status).toBe('diverged');
    const divergence = trainer.divergence;
    expect(divergence).not.toBeNull();
    expect(divergence?.step).toBe(trainer.step);
    expect(divergence?.epoch).toBe(trainer.step);
    expect(steps.length).toBe(trainer.step);
    expect(epochs.length).toBe(trainer.step - 1);
    expect(trainer.step).toBeLessThan(1000);
    expect(divergence?.message).toMatch(new RegExp(`^Diverged at step ${trainer.step} \\(epoch ${trainer.step}\\): the (loss|weight w[12]) reached`));
    expect(divergence?.message).toContain(`is above the largest stable rate ${Number(stable.toPrecision(3))}`);
    expect(divergence?.message).toContain(String(Number((2.5 * stable).toPrecision(3))));
    expect(trainer.advance(10, steps, epochs)).toBe(0);
  });
});

describe('recorded rows', () => {
  it('give the weights after each step, the batch loss before it and the full loss after it', () => {
    const { trainer, steps } = recordRun(settingsWith({ n: 30, b: 30, shuffle: 'none', epochs: 5 }));
    const initial = createTrainer(settingsWith({ n: 30, b: 30, epochs: 5 })).loss;
    for (let row = 0; row < steps.length; row++) {
      expect(steps.step[row]).toBe(row + 1);
      expect(steps.epoch[row]).toBe(row + 1);
      expect(steps.loss[row]).toBe(fullLoss(trainer.stats, 'linear', steps.w1[row], steps.w2[row]));
      // With the whole data set as the batch, the batch loss before a step is the full loss after the previous one.
      const before = row === 0 ? initial : steps.loss[row - 1];
      expect(Math.abs(steps.batchLoss[row] - before)).toBeLessThan(1e-12 * before);
    }
  });

  it('close each epoch with its full loss, the mean of its batch losses and its last weights', () => {
    const { trainer, steps, epochs } = recordRun(settingsWith({ n: 25, b: 4, k: 2, epochs: 6 }));
    const perEpoch = trainer.schedule.stepsPerEpoch;
    expect(perEpoch).toBe(14);
    expect(epochs.length).toBe(6);
    for (let e = 0; e < epochs.length; e++) {
      const last = (e + 1) * perEpoch - 1;
      expect(epochs.epoch[e]).toBe(e + 1);
      expect(epochs.step[e]).toBe(last + 1);
      expect(epochs.loss[e]).toBe(steps.loss[last]);
      expect(epochs.w1[e]).toBe(steps.w1[last]);
      expect(epochs.w2[e]).toBe(steps.w2[last]);
      const batchLosses = Array.from(steps.batchLoss.subarray(last + 1 - perEpoch, last + 1));
      expect(epochs.meanBatchLoss[e]).toBeCloseTo(batchLosses.reduce((s, x) => s + x, 0) / perEpoch, 12);
      expect(Array.from(steps.epoch.subarray(last + 1 - perEpoch, last + 1)).every((v) => v === e + 1)).toBe(true);
    }
  });
});

describe('determinism', () => {
  const base = settingsWith({ n: 37, b: 5, epochs: 7, k: 2, mom: 0.3, decay: 0.1 });

  it('gives identical records for identical settings', () => {
    for (const shuffle of SHUFFLE_MODES) {
      const a = recordRun({ ...base, shuffle, restart: shuffle === 'batches' });
      const b = recordRun({ ...base, shuffle, restart: shuffle === 'batches' });
      expect(b.steps).toEqual(a.steps);
      expect(b.epochs).toEqual(a.epochs);
    }
  });

  it('resumes exactly: advancing in any chunks equals one call', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHUFFLE_MODES), fc.boolean(), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }), (shuffle, restart, chunks) => {
        const settings: Settings = { ...base, shuffle, restart };
        const whole = recordRun(settings);
        const trainer = createTrainer(settings);
        const steps = createStepRecords(trainer.schedule.totalSteps);
        const epochs = createEpochRecords(settings.epochs);
        let i = 0;
        while (trainer.status === 'running') trainer.advance(chunks[i++ % chunks.length] || 1, steps, epochs);
        expect(steps).toEqual(whole.steps);
        expect(epochs).toEqual(whole.epochs);
        expect([trainer.w1, trainer.w2, trainer.loss, trainer.batchLoss, trainer.step, trainer.epoch]).toEqual([
          whole.trainer.w1,
          whole.trainer.w2,
          whole.trainer.loss,
          whole.trainer.batchLoss,
          whole.trainer.step,
          whole.trainer.epoch,
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it('changes data and order with the seed', () => {
    const a = createTrainer({ ...base, seed: 1 });
    const b = createTrainer({ ...base, seed: 2 });
    expect(b.data.x1).not.toEqual(a.data.x1);
    expect(Array.from(b.epochOrder())).not.toEqual(Array.from(a.epochOrder()));
  });
});

/** Mini-batch SGD written out plainly: batches 0…b−1, b…2b−1, … in order, k steps each. */
function referenceRun(data: Dataset, s: Settings, restartWeights: (epoch: number) => [number, number] | null): number[][] {
  let [w1, w2] = s.w0;
  let v1 = 0;
  let v2 = 0;
  const rows: number[][] = [];
  for (let e = 0; e < s.epochs; e++) {
    const lr = s.lr / (1 + s.decay * e);
    const restartAt = restartWeights(e);
    if (restartAt) {
      [w1, w2] = restartAt;
      v1 = 0;
      v2 = 0;
    }
    for (let start = 0; start < data.n; start += s.b) {
      const end = Math.min(start + s.b, data.n);
      for (let repeat = 0; repeat < s.k; repeat++) {
        let loss = 0;
        let g1 = 0;
        let g2 = 0;
        for (let i = start; i < end; i++) {
          const r = w1 * data.x1[i] + w2 * data.x2[i] - data.y[i];
          loss += (r * r) / (end - start);
          g1 += (2 * r * data.x1[i]) / (end - start);
          g2 += (2 * r * data.x2[i]) / (end - start);
        }
        v1 = s.mom * v1 + g1;
        v2 = s.mom * v2 + g2;
        w1 -= lr * v1;
        w2 -= lr * v2;
        rows.push([w1, w2, loss]);
      }
    }
  }
  return rows;
}

describe('optimiser settings', () => {
  it('momentum, per-epoch decay and k steps per batch match a direct computation', () => {
    const settings = settingsWith({ n: 7, b: 3, shuffle: 'none', k: 2, mom: 0.9, decay: 0.5, lr: 0.05, epochs: 4 });
    const { trainer, steps } = recordRun(settings);
    const reference = referenceRun(trainer.data, settings, () => null);
    expect(steps.length).toBe(reference.length);
    reference.forEach(([w1, w2, loss], row) => {
      expect(maxRelativeDifference(Float64Array.of(steps.w1[row], steps.w2[row], steps.batchLoss[row]), Float64Array.of(w1, w2, loss), 3)).toBeLessThan(1e-12);
    });
  });

  it('reports the decayed rate of the epoch in progress', () => {
    const trainer = createTrainer(settingsWith({ lr: 0.1, decay: 1, n: 10, b: 5, epochs: 3 }));
    expect(trainer.lr).toBe(0.1);
    trainer.advance(2, null, null);
    expect(trainer.lr).toBe(0.05);
    trainer.advance(Infinity, null, null);
    expect(trainer.lr).toBeCloseTo(0.1 / 3, 15);
  });

  it('restart: epoch 1 starts at w0, later epochs at fresh weights from the seed, momentum reset', () => {
    const settings = settingsWith({ n: 7, b: 3, shuffle: 'none', k: 2, mom: 0.9, lr: 0.05, epochs: 5, restart: true, seed: 9 });
    const { trainer, steps } = recordRun(settings);
    const restartWeight = uniformFrom(randomStream(settings.seed, 'restart'), -3, 3);
    const starts = [null, ...Array.from({ length: settings.epochs - 1 }, () => [restartWeight(), restartWeight()] as [number, number])];
    const reference = referenceRun(trainer.data, settings, (e) => starts[e]);
    reference.forEach(([w1, w2], row) => {
      expect(maxRelativeDifference(Float64Array.of(steps.w1[row], steps.w2[row]), Float64Array.of(w1, w2), 2)).toBeLessThan(1e-12);
    });
    const perEpoch = trainer.schedule.stepsPerEpoch;
    for (let e = 1; e < settings.epochs; e++) {
      const [r1, r2] = starts[e] ?? [NaN, NaN];
      expect(Math.abs(r1)).toBeLessThanOrEqual(3);
      expect(Math.abs(r2)).toBeLessThanOrEqual(3);
      expect(steps.w1[e * perEpoch]).not.toBeCloseTo(steps.w1[e * perEpoch - 1], 3);
    }
    const otherSeed = recordRun({ ...settings, seed: 10 });
    expect(otherSeed.steps.w1[perEpoch]).not.toBe(steps.w1[perEpoch]);
  });
});

describe('init=random', () => {
  it('starts at the seed\'s draw from the restart distribution, ignoring w0, and leaves restart draws alone', () => {
    const settings = settingsWith({ n: 7, b: 3, shuffle: 'none', lr: 0.05, epochs: 3, init: 'random', seed: 9 });
    const draw = uniformFrom(randomStream(settings.seed, 'init'), -3, 3);
    const start: [number, number] = [draw(), draw()];
    const { trainer, steps } = recordRun(settings);
    const reference = referenceRun(trainer.data, { ...settings, init: 'w0', w0: start }, () => null);
    reference.forEach(([w1, w2], row) => {
      expect(maxRelativeDifference(Float64Array.of(steps.w1[row], steps.w2[row]), Float64Array.of(w1, w2), 2)).toBeLessThan(1e-12);
    });
    // The given w0 plays no part; another seed draws another start.
    expect(recordRun({ ...settings, w0: [7, -7] }).steps.w1).toEqual(steps.w1);
    expect(recordRun({ ...settings, seed: 10 }).steps.w1[0]).not.toBe(steps.w1[0]);
    // With restart, epoch 1 is the ordinary run's epoch, later epochs the same restarts as with init=w0.
    const restarting = recordRun({ ...settings, restart: true });
    const fixed = recordRun({ ...settings, restart: true, init: 'w0' });
    const perEpoch = trainer.schedule.stepsPerEpoch;
    expect(Array.from(restarting.steps.w1.subarray(0, perEpoch))).toEqual(Array.from(steps.w1.subarray(0, perEpoch)));
    expect(Array.from(restarting.steps.w1.subarray(perEpoch))).toEqual(Array.from(fixed.steps.w1.subarray(perEpoch)));
  });
});

describe('the trainer interface', () => {
  it('stops when the step buffer is full, and before an epoch end with no epoch row left', () => {
    const trainer = createTrainer(settingsWith({ n: 20, b: 5, epochs: 5 }));
    const steps = createStepRecords(7);
    expect(trainer.advance(100, steps, null)).toBe(7);
    expect(trainer.advance(100, steps, null)).toBe(0);
    steps.length = 0;
    const epochs = createEpochRecords(1);
    // 4 steps per epoch, 7 taken: one step ends epoch 2 into the only row, then 3 more.
    expect(trainer.advance(100, steps, epochs)).toBe(1 + 3);
    expect(Array.from(epochs.epoch.subarray(0, epochs.length))).toEqual([2]);
    expect(trainer.stepsToEpochEnd()).toBe(1);
    epochs.length = 0;
    expect(trainer.advance(100, null, epochs)).toBe(1 + 3);
    expect(Array.from(epochs.epoch.subarray(0, epochs.length))).toEqual([3]);
    expect(trainer.advance(100, null, null)).toBe(5);
    expect(trainer.status).toBe('done');
  });

  it('tracks the batch, the epoch and the steps left in it', () => {
    const trainer = createTrainer(settingsWith({ n: 10, b: 4, k: 2, epochs: 2 }));
    expect([trainer.step, trainer.epoch, trainer.batchInEpoch, trainer.stepsToEpochEnd()]).toEqual([0, 0, 0, 6]);
    expect(trainer.batchLoss).toBeNaN();
    expect(trainer.currentBatch()).toHaveLength(0);
    trainer.advance(3, null, null);
    expect([trainer.step, trainer.epoch, trainer.batchInEpoch, trainer.stepsToEpochEnd()]).toEqual([3, 0, 2, 3]);
    trainer.advance(3, null, null);
    expect([trainer.step, trainer.epoch, trainer.batchInEpoch, trainer.stepsToEpochEnd()]).toEqual([6, 1, 3, 6]);
    expect(trainer.currentBatch()).toHaveLength(2);
    trainer.advance(100, null, null);
    expect([trainer.step, trainer.epoch, trainer.status]).toEqual([12, 2, 'done']);
    expect(trainer.advance(1, null, null)).toBe(0);
  });

  it('takes no step for a request of zero, a negative or no number of steps', () => {
    const trainer = createTrainer(settingsWith({}));
    for (const request of [0, -3, NaN, 0.5]) expect(trainer.advance(request, null, null)).toBe(0);
    expect(trainer.step).toBe(0);
  });

  it('refuses invalid settings, naming the problem', () => {
    expect(() => createTrainer(settingsWith({ n: 10, b: 20 }))).toThrow(/b=20: batch size must be an integer from 1 to n \(10\)/);
    expect(() => createTrainer(settingsWith({ lr: -1 }))).toThrow(RangeError);
    expect(() => createTrainer(settingsWith({ model: 'deep', data: 'plane' }))).toThrow(/deep model/);
  });

  it('holds a full-data loss that matches the O(1) formula and a gradient that vanishes at the end of a converged run', () => {
    const { trainer } = recordRun(settingsWith({ b: 100, lr: 0.3, epochs: 500 }));
    expect(trainer.loss).toBe(fullLoss(trainer.stats, 'linear', trainer.w1, trainer.w2));
    const [g1, g2] = fullGradient(trainer.stats, 'linear', trainer.w1, trainer.w2);
    expect(Math.hypot(g1, g2)).toBeLessThan(1e-9);
  });
});

describe('the default experiment', () => {
  it('converges visibly over its 20 epochs: far from done after 2, at the noise floor by 20', () => {
    const { trainer, epochs } = recordRun(settingsWith({}));
    const floor = optimum(trainer.stats, 'linear').loss;
    const initial = createTrainer(settingsWith({})).loss;
    expect(epochs.length).toBe(20);
    expect(epochs.loss[1] - floor).toBeGreaterThan(0.1 * (initial - floor));
    expect(epochs.loss[19]).toBeLessThan(1.05 * floor);
    for (let e = 1; e < 20; e++) expect(epochs.loss[e]).toBeLessThan(epochs.loss[e - 1] + 0.01 * floor);
  });
});

it('records every column it declares', () => {
  const { steps, epochs } = recordRun(settingsWith({ epochs: 2 }));
  for (const column of STEP_COLUMNS) expect(steps[column].subarray(0, steps.length).every(Number.isFinite)).toBe(true);
  for (const column of EPOCH_COLUMNS) expect(epochs[column].subarray(0, epochs.length).every(Number.isFinite)).toBe(true);
});
