import { describe, expect, it } from 'vitest';
import { createStepRecords, createTrainer, DEFAULT_SETTINGS, SHUFFLE_MODES, type Settings } from '../../../src/core/index.ts';
import { EpochReplay } from '../../../src/panels/captions/epochReplay.ts';

function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...overrides };
}

/** Each epoch's order as the trainer itself laid it out, read at the epoch's end. */
function trainerOrders(settings: Settings): number[][] {
  const trainer = createTrainer(settings);
  const orders: number[][] = [];
  while (trainer.advance(trainer.stepsToEpochEnd(), null, null) > 0) orders.push(Array.from(trainer.epochOrder()));
  return orders;
}

describe('EpochReplay', () => {
  for (const shuffle of SHUFFLE_MODES) {
    for (const drop of [false, true]) {
      it(`shuffle=${shuffle}, drop=${drop}: the order head and distinct draws agree with the trainer every epoch`, () => {
        const settings = settingsWith({ n: 23, b: 5, drop, shuffle, epochs: 6, seed: 7 });
        const replay = new EpochReplay(settings);
        trainerOrders(settings).forEach((order, i) => {
          const facts = replay.epoch(i + 1);
          expect(facts.orderHead).toEqual(order.slice(0, 3));
          expect(facts.distinctExamples).toBe(shuffle === 'replacement' ? new Set(order).size : null);
          expect(facts.epochStartW).toBeNull();
        });
      });
    }
  }

  it('restart=true: the weights each epoch began at are the trainer’s', () => {
    // A rate so small that the first step of an epoch leaves the weights
    // exactly where they began, so the step records show the restart points.
    const settings = settingsWith({ restart: true, lr: Number.MIN_VALUE, epochs: 5, n: 20, b: 10 });
    const trainer = createTrainer(settings);
    const steps = createStepRecords(trainer.schedule.totalSteps);
    trainer.advance(Infinity, steps, null);
    const replay = new EpochReplay(settings);
    expect(replay.epoch(1).epochStartW).toBeNull();
    for (let epoch = 2; epoch <= settings.epochs; epoch++) {
      const firstStep = (epoch - 1) * trainer.schedule.stepsPerEpoch;
      expect(replay.epoch(epoch).epochStartW).toEqual([steps.w1[firstStep], steps.w2[firstStep]]);
    }
  });

  it('gives the same answers going back to an earlier epoch', () => {
    const settings = settingsWith({ restart: true, epochs: 8 });
    const replay = new EpochReplay(settings);
    const fresh = new EpochReplay(settings).epoch(3);
    replay.epoch(7);
    expect(replay.epoch(3)).toEqual(fresh);
  });

  it('over budget, says the order is unknown and catches up an epoch per call instead of stalling', () => {
    const settings = settingsWith({ n: 50, b: 10, epochs: 10 });
    const expected = new EpochReplay(settings).epoch(10).orderHead;
    const lagging = new EpochReplay(settings, 1);
    for (let call = 1; call < 10; call++) expect(lagging.epoch(10).orderHead).toBeNull();
    expect(lagging.epoch(10).orderHead).toEqual(expected);
  });

  it('a budget per call overrides the constructor’s, and what it shuffled is kept for the next call', () => {
    const settings = settingsWith({ n: 50, b: 10, epochs: 10 });
    const expected = new EpochReplay(settings).epoch(10).orderHead;
    const replay = new EpochReplay(settings);
    // 50 examples per epoch: a budget of 120 lays out two epochs per call (the first always, the second within it).
    for (let call = 1; call <= 4; call++) expect(replay.epoch(10, 120).orderHead).toBeNull();
    expect(replay.epoch(10, 120).orderHead).toEqual(expected);
  });

  it('knows nothing of epoch 0 or of non-integer epochs', () => {
    const replay = new EpochReplay(settingsWith({ restart: true }));
    for (const epoch of [0, -1, 1.5, NaN]) expect(replay.epoch(epoch)).toEqual({ orderHead: null, distinctExamples: null, epochStartW: null });
  });
});
