// Captions when there is no epoch to tell yet, or the input is wrong: never a
// sentence the run's records do not back.
import { describe, expect, it } from 'vitest';
import { captionFor } from '../../../src/panels/captions/captionFor.ts';
import { captionInput, decliningRows, threeEpochs } from './captionFixture.ts';

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

describe('captions under adam and rmsprop, where the largest stable rate is only SGD’s', () => {
  it('warn of nothing before the first epoch ends, whatever the rate', () => {
    for (const optimizer of ['adam', 'rmsprop'] as const) {
      expect(captionFor(captionInput({ status: 'running', settings: { lr: 1, optimizer } }))).toHaveLength(1);
    }
  });

  it('give no SGD reason for a rising loss', () => {
    const rows = decliningRows(5, 1, 0.6, [
      { loss: 0.2, w: [1.3, -0.4] },
      { loss: 0.35, w: [1.2, -0.3] },
    ]);
    expect(captionFor(captionInput({ settings: { lr: 0.45 }, rows })).join(' ')).toContain('largest stable rate');
    const caption = captionFor(captionInput({ settings: { lr: 0.45, optimizer: 'adam' }, rows }));
    expect(caption[0]).toMatch(/^The full loss rose /);
    expect(caption.join(' ')).not.toContain('stable rate');
  });

  it('at divergence, say the rate was too large for the optimizer and label the stable rate as plain SGD’s', () => {
    const input = captionInput({ settings: { lr: 1, optimizer: 'rmsprop' }, rows: threeEpochs.slice(0, 1), status: 'diverged', now: { step: 15, w1: 3e8, w2: 1, loss: 1e17 } });
    expect(captionFor(input)[1]).toBe("The learning rate 1 was too large for RMSprop on this data (the largest stable rate 0.402 is plain SGD's and does not bound RMSprop's steps).");
  });
});
