// Captions when there is no epoch to tell yet, or the input is wrong: never a
// sentence the run's records do not back.
import { describe, expect, it } from 'vitest';
import { captionFor } from '../../../src/panels/captions/captionFor.ts';
import { captionInput, threeEpochs } from './captionFixture.ts';

describe('caption before the first epoch ends, and on errors', () => {
  it('before the start: the plan of epoch 1 from the initial weights', () => {
    expect(captionFor(captionInput({ status: 'idle' }))).toEqual([
      'Training has not started; epoch 1 will take 10 steps of 10 examples from the initial weights w = (−1.5, 2), where the full loss is 8.38.',
    ]);
  });

  it('paused before the first step is still not started', () => {
    expect(captionFor(captionInput({ status: 'paused', now: { step: 0, w1: -1.5, w2: 2, loss: 8.38 } }))[0]).toMatch(/^Training has not started; /);
  });

  it('during epoch 1, with a warning when the rate is above the largest stable rate', () => {
    expect(captionFor(captionInput({ status: 'running', settings: { lr: 1, k: 3 } }))).toEqual([
      'Epoch 1 is under way: it takes 30 steps, 3 on each of its 10 batches of 10 examples from the initial weights w = (−1.5, 2), where the full loss is 8.38.',
      'The learning rate 1 is above the largest stable rate 0.402 for this data, so expect the loss to blow up.',
    ]);
  });

  it('an error: the run’s own message', () => {
    expect(captionFor(captionInput({ status: 'error', message: 'The worker stopped' }))).toEqual(['The run stopped with an error: The worker stopped.']);
  });

  it('a non-number loss in the records is said, not compared', () => {
    const rows = [threeEpochs[0], { loss: NaN, w: [NaN, NaN] as const }];
    expect(captionFor(captionInput({ rows }))[0]).toBe(
      'Epoch 2 took 10 steps of 10 examples from w = (0.2, 1.6), exactly where epoch 1 ended, and ended with a full loss that is not a number.',
    );
  });
});
