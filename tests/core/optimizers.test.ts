// The optimizer setting around the hot loop: what an epoch is, what a restart
// forgets, how a diverged run is explained, and which stable rate is quoted.
import { describe, expect, it } from 'vitest';
import { createTrainer, RESTART_RANGE } from '../../src/core/trainer.ts';
import { randomStream, uniformFrom } from '../../src/core/random.ts';
import { largestStableLr, stableLrApplies, stableLrMomentum } from '../../src/core/curvature.ts';
import { OPTIMIZERS } from '../../src/core/settings.ts';
import { initialOptimizerState, OPTIMIZER_STATE_LENGTH, resetOptimizerState } from '../../src/core/optimizers.ts';
import { parseSettings } from '../../src/core/parseSettings.ts';
import { recordRun, settingsWith } from './runs.ts';

describe('the optimizer setting', () => {
  it('reads sgd, adam and rmsprop, and names the choices when given anything else', () => {
    for (const optimizer of OPTIMIZERS) expect(parseSettings([['optimizer', optimizer.toUpperCase()]]).settings.optimizer).toBe(optimizer);
    const bad = parseSettings([['optimizer', 'adamw']]);
    expect(bad.settings.optimizer).toBe('sgd');
    expect(bad.problems.map((p) => p.message)).toEqual(['optimizer=adamw: optimizer must be one of sgd, adam, rmsprop; using sgd']);
  });

  it('leaves the epoch as it is: ⌈n/b⌉·k steps, whatever the optimizer', () => {
    for (const optimizer of OPTIMIZERS) {
      const { trainer, epochs } = recordRun(settingsWith({ optimizer, n: 23, b: 5, k: 2, epochs: 3, lr: 0.01 }));
      expect(trainer.schedule.stepsPerEpoch).toBe(10);
      expect(Array.from(epochs.step.subarray(0, epochs.length))).toEqual([10, 20, 30]);
    }
  });

  it('starts from an empty state (Adam: β products of 1) and a restart empties it again, in place', () => {
    expect(Array.from(initialOptimizerState('adam'))).toEqual([0, 0, 0, 0, 1, 1]);
    for (const optimizer of OPTIMIZERS) {
      const state = initialOptimizerState(optimizer);
      expect(state.length).toBe(OPTIMIZER_STATE_LENGTH[optimizer]);
      state.fill(0.5);
      resetOptimizerState(optimizer, state);
      expect(state).toEqual(initialOptimizerState(optimizer));
    }
  });

  it('restart=true: epoch 2 takes exactly the steps a fresh optimizer takes from the new weights', () => {
    for (const optimizer of ['adam', 'rmsprop'] as const) {
      const settings = settingsWith({ optimizer, n: 20, b: 5, shuffle: 'none', epochs: 2, restart: true, mom: 0.5, lr: 0.05 });
      const restarted = recordRun(settings).steps;
      // The weights the restart draws, from the trainer's own stream.
      const draw = uniformFrom(randomStream(settings.seed, 'restart'), -RESTART_RANGE, RESTART_RANGE);
      const fresh = recordRun({ ...settings, restart: false, epochs: 1, w0: [draw(), draw()] }).steps;
      expect(Array.from(restarted.w1.subarray(4, 8))).toEqual(Array.from(fresh.w1.subarray(0, 4)));
      expect(Array.from(restarted.w2.subarray(4, 8))).toEqual(Array.from(fresh.w2.subarray(0, 4)));
    }
  });

  it('explains a diverged Adam or RMSprop run without blaming SGD’s stable rate', () => {
    for (const optimizer of ['adam', 'rmsprop'] as const) {
      const trainer = createTrainer(settingsWith({ optimizer, lr: 1e9, epochs: 2 }));
      trainer.advance(Infinity, null, null);
      expect(trainer.status).toBe('diverged');
      const name = optimizer === 'adam' ? 'Adam' : 'RMSprop';
      expect(trainer.divergence?.message).toMatch(new RegExp(`^Diverged at step 1 \\(epoch 1\\): .*The learning rate 1e\\+?9 was too large for ${name} on this data; try a smaller one`));
      expect(trainer.divergence?.message).toContain(`is plain SGD's and does not bound ${name}'s steps`);
    }
  });

  it('quotes SGD’s stable rate with the run’s momentum under sgd, and plain SGD’s under adam and rmsprop', () => {
    const trainer = createTrainer(settingsWith({ mom: 0.5 }));
    const rate = (mom: number) => largestStableLr(trainer.stats, 'linear', mom);
    expect(stableLrApplies({ optimizer: 'sgd' })).toBe(true);
    expect(rate(stableLrMomentum({ optimizer: 'sgd', mom: 0.5 }))).toBe(rate(0.5));
    for (const optimizer of ['adam', 'rmsprop'] as const) {
      expect(stableLrApplies({ optimizer })).toBe(false);
      expect(stableLrMomentum({ optimizer, mom: 0.5 })).toBe(0);
    }
  });
});
