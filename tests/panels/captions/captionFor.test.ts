import { describe, expect, it } from 'vitest';
import { captionFor } from '../../../src/panels/captions/captionFor.ts';
import { captionInput, decliningRows, threeEpochs, type EpochRow } from './captionFixture.ts';

describe('caption at an ordinary epoch end', () => {
  it('says how many steps the epoch took, where it began and how it moved the full loss, then the order (shuffle=epoch)', () => {
    expect(captionFor(captionInput({ rows: threeEpochs, orderHead: [17, 3, 88] }))).toEqual([
      'Epoch 3 took 10 steps of 10 examples from w = (0.41, 1.87), exactly where epoch 2 ended, and lowered the full loss from 0.212 to 0.139.',
      'Every example was used once, in a new order (first: #17, #3, #88, …).',
    ]);
  });

  it('leaves out the order list when the order is unknown, rather than invent one', () => {
    expect(captionFor(captionInput({ rows: threeEpochs }))[1]).toBe('Every example was used once, in a new order.');
  });

  it('names the short last batch and starts epoch 1 at the initial weights and initial loss', () => {
    expect(captionFor(captionInput({ settings: { n: 95 }, rows: threeEpochs.slice(0, 1), orderHead: [4, 90, 12] }))).toEqual([
      'Epoch 1 took 10 steps of 10 examples (last batch 5) from the initial weights w = (−1.5, 2) and lowered the full loss from 8.38 to 0.5.',
      'Every example was used once, in a new order (first: #4, #90, #12, …).',
    ]);
  });

  it('says the loss stayed when it moved by less than the printed digits', () => {
    const rows = [threeEpochs[0], { loss: 0.13901, w: [0.6, 1.7] as const }, { loss: 0.13899, w: [0.61, 1.71] as const }];
    expect(captionFor(captionInput({ rows }))[0]).toBe(
      'Epoch 3 took 10 steps of 10 examples from w = (0.6, 1.7), exactly where epoch 2 ended, and left the full loss at about 0.139.',
    );
  });

  it('reports honestly an epoch that did not begin where the previous one ended without a restart', () => {
    expect(captionFor(captionInput({ rows: threeEpochs, epochStartW: [0, 0], epochStartLoss: 4 }))[0]).toBe(
      'Epoch 3 took 10 steps of 10 examples from w = (0, 0), not where epoch 2 ended (0.41, 1.87), and lowered the full loss from 4 to 0.139.',
    );
  });
});

describe('caption of the order of examples', () => {
  it('shuffle=none: the same order as every epoch', () => {
    expect(captionFor(captionInput({ settings: { shuffle: 'none' }, rows: threeEpochs, orderHead: [0, 1, 2] }))[1]).toBe(
      'Every example was used once, in the same order as every epoch (first: #0, #1, #2, …).',
    );
  });

  it('shuffle=once: shuffled before epoch 1, then the same order', () => {
    const first = captionInput({ settings: { shuffle: 'once' }, rows: threeEpochs.slice(0, 1), orderHead: [39, 18, 57] });
    const third = captionInput({ settings: { shuffle: 'once' }, rows: threeEpochs, orderHead: [39, 18, 57] });
    expect(captionFor(first)[1]).toBe('Every example was used once, in an order shuffled once before epoch 1 (first: #39, #18, #57, …).');
    expect(captionFor(third)[1]).toBe('Every example was used once, in the same shuffled order as epoch 1 (first: #39, #18, #57, …).');
  });

  it('shuffle=batches: the same batches, taken in a new order', () => {
    expect(captionFor(captionInput({ settings: { shuffle: 'batches' }, rows: threeEpochs, orderHead: [90, 91, 92] }))[1]).toBe(
      'Every example was used once, in the same batches, taken in a new order (first: #90, #91, #92, …).',
    );
  });

  it('shuffle=replacement: repeats and misses, counted when the distinct count is known', () => {
    const settings = { shuffle: 'replacement' as const };
    expect(captionFor(captionInput({ settings, rows: threeEpochs, orderHead: [53, 72, 53], distinctExamples: 61 }))[1]).toBe(
      '10 examples were drawn with replacement for each step (first: #53, #72, #53, …), so some examples were used more than once and others not at all (61 distinct of 100).',
    );
    expect(captionFor(captionInput({ settings, rows: threeEpochs }))[1]).toBe(
      '10 examples were drawn with replacement for each step, so some examples were likely used more than once and others not at all.',
    );
  });

  it('shuffle=replacement: an impossible distinct count is treated as unknown, not repeated', () => {
    expect(captionFor(captionInput({ settings: { shuffle: 'replacement' }, rows: threeEpochs, distinctExamples: 150 }))[1]).toBe(
      '10 examples were drawn with replacement for each step, so some examples were likely used more than once and others not at all.',
    );
  });
});

describe('caption with drop-last', () => {
  const rows = threeEpochs.slice(0, 2);

  it('shuffle=none: all but n mod b examples, and the same last ones are never used', () => {
    expect(captionFor(captionInput({ settings: { b: 30, drop: true, shuffle: 'none' }, rows, orderHead: [0, 1, 2] }))).toEqual([
      'Epoch 2 took 3 steps of 30 examples from w = (0.2, 1.6), exactly where epoch 1 ended, and lowered the full loss from 0.5 to 0.212.',
      'All but 10 of the 100 examples were used once, in the same order as every epoch (first: #0, #1, #2, …); #90 to #99 are never used.',
    ]);
  });

  it('shuffle=epoch: a new random remainder is left out each epoch', () => {
    expect(captionFor(captionInput({ settings: { b: 30, drop: true }, rows, orderHead: [5, 61, 8] }))[1]).toBe(
      'All but 10 of the 100 examples were used once, in a new order (first: #5, #61, #8, …); a new random 10 are left out each epoch.',
    );
  });

  it('shuffle=once: the same single example is left out every epoch', () => {
    expect(captionFor(captionInput({ settings: { n: 31, b: 10, drop: true, shuffle: 'once' }, rows }))[1]).toBe(
      'All but 1 of the 31 examples were used once, in the same shuffled order as epoch 1; the same one is left out every epoch.',
    );
  });
});

describe('caption with k > 1 steps per batch', () => {
  const settings = { k: 500, b: 50 };
  const before: EpochRow[] = [
    { loss: 0.3, w: [1.4, -0.4] },
    { loss: 0.29, w: [1.45, -0.5] },
  ];

  it('says each batch was fitted k times and where that left the end of the epoch', () => {
    expect(captionFor(captionInput({ settings, rows: [...before, { loss: 0.25, w: [1.52, -0.58] }] }))).toEqual([
      'Epoch 3 took 1,000 steps on its 2 batches of 50 examples from w = (1.45, −0.5), exactly where epoch 2 ended.',
      'Each batch was fitted with 500 steps, so epoch 3 ended at weights fitted to its last batch, w = (1.52, −0.58); the full loss is 0.25, down from 0.29 after epoch 2.',
    ]);
  });

  it('says "no better" when the epoch left the full loss where it was', () => {
    expect(captionFor(captionInput({ settings, rows: [...before, { loss: 0.2904, w: [1.52, -0.58] }] }))[1]).toBe(
      'Each batch was fitted with 500 steps, so epoch 3 ended at weights fitted to its last batch, w = (1.52, −0.58); the full loss is 0.29, no better than the 0.29 after epoch 2.',
    );
  });

  it('leads with the rise when fitting the last batch raised the full loss', () => {
    expect(captionFor(captionInput({ settings, rows: [...before, { loss: 0.31, w: [1.52, -0.58] }] }))).toEqual([
      'The full loss rose from 0.29 to 0.31 in epoch 3, which took 1,000 steps, 500 on each of its 2 batches of 50 examples from w = (1.45, −0.5), where epoch 2 ended.',
      'Each batch was fitted with 500 steps, so epoch 3 ended at weights fitted to its last batch, w = (1.52, −0.58).',
    ]);
  });

  it('says "batches of 1 example" in the singular', () => {
    const single = { k: 3, b: 1, n: 4 };
    expect(captionFor(captionInput({ settings: single, rows: [...before, { loss: 0.25, w: [1.52, -0.58] }] }))[0]).toBe(
      'Epoch 3 took 12 steps on its 4 batches of 1 example from w = (1.45, −0.5), exactly where epoch 2 ended.',
    );
    expect(captionFor(captionInput({ settings: single, rows: [...before, { loss: 0.31, w: [1.52, -0.58] }] }))[0]).toContain(
      'which took 12 steps, 3 on each of its 4 batches of 1 example from',
    );
  });
});

describe('caption with restart=true', () => {
  const rows: EpochRow[] = [
    { loss: 0.5, w: [1.1, 0.2] },
    { loss: 0.2, w: [1.3, -0.2] },
    { loss: 0.128, w: [1.67, -0.761] },
    { loss: 0.366, w: [1.2, -0.3] },
  ];

  it('says the epoch began at new random weights, not where the last ended, and compares it with the best earlier epoch', () => {
    expect(captionFor(captionInput({ settings: { restart: true }, rows, epochStartW: [0.05, -0.4], epochStartLoss: 3.56, orderHead: [72, 38, 29] }))).toEqual([
      'Epoch 4 began at new random weights w = (0.05, −0.4), not where epoch 3 ended (w = (1.67, −0.761)); it lowered the full loss from 3.56 to 0.366, no better than after epoch 3 (0.128).',
      'Every example was used once, in a new order (first: #72, #38, #29, …).',
    ]);
  });

  it('still says what happened when the new weights are not known', () => {
    expect(captionFor(captionInput({ settings: { restart: true }, rows }))[0]).toBe(
      'Epoch 4 began at new random weights, not where epoch 3 ended (w = (1.67, −0.761)); it ended with a full loss of 0.366, no better than after epoch 3 (0.128).',
    );
  });

  it('epoch 1 is not a restart: it begins at the initial weights', () => {
    expect(captionFor(captionInput({ settings: { restart: true }, rows: rows.slice(0, 1) }))[0]).toBe(
      'Epoch 1 took 10 steps of 10 examples from the initial weights w = (−1.5, 2) and lowered the full loss from 8.38 to 0.5.',
    );
  });
});

describe('caption of a long run', () => {
  it('groups epoch numbers by thousands, as it groups steps', () => {
    const rows = decliningRows(1235, 1, 1, [
      { loss: 0.2, w: [1.3, -0.4] },
      { loss: 0.35, w: [1.7, -0.8] },
    ]);
    expect(captionFor(captionInput({ settings: { epochs: 2000 }, rows }))[0]).toBe(
      'The full loss rose from 0.2 to 0.35 in epoch 1,235, which took 10 steps of 10 examples from w = (1.3, −0.4), where epoch 1,234 ended.',
    );
  });
});

describe('caption of an epoch whose loss went up', () => {
  const rows = decliningRows(5, 1, 0.6, [
    { loss: 0.2, w: [1.3, -0.4] },
    { loss: 0.35, w: [1.7, -0.8] },
  ]);

  it('says plainly that the full loss rose, and why it can at a stable rate (batch noise)', () => {
    expect(captionFor(captionInput({ settings: { lr: 0.39 }, rows }))).toEqual([
      'The full loss rose from 0.2 to 0.35 in epoch 5, which took 10 steps of 10 examples from w = (1.3, −0.4), where epoch 4 ended.',
      'The learning rate 0.39 is below the largest stable rate 0.402, but near the minimum the noise of batches of 10 can push the full loss up from one epoch to the next.',
    ]);
  });

  it('blames a learning rate above the largest stable rate', () => {
    expect(captionFor(captionInput({ settings: { lr: 0.45 }, rows }))[1]).toBe(
      'The learning rate 0.45 is above the largest stable rate 0.402 for this data, so the steps overshoot the minimum along its steepest direction.',
    );
  });

  it('uses the decayed rate of that epoch', () => {
    // lr_e = lr / (1 + decay·(e − 1)) = 0.9 / (1 + 0.25·4) = 0.45 in epoch 5.
    expect(captionFor(captionInput({ settings: { lr: 0.9, decay: 0.25 }, rows }))[1]).toMatch(/^The learning rate 0\.45 is above/);
  });
});

describe('caption at divergence', () => {
  const rows = threeEpochs.slice(0, 1);

  it('says what diverged, at which step, and the largest stable rate', () => {
    const input = captionInput({ settings: { lr: 1 }, rows, status: 'diverged', now: { step: 15, w1: 3e7, w2: -2e7, loss: 6.02e16 } });
    expect(captionFor(input)).toEqual([
      'The run diverged at step 15 in epoch 2: the full loss reached 6.02e16.',
      'The learning rate 1 is above the largest stable rate 0.402 for this data, so every step overshot the minimum further than the one before.',
    ]);
  });

  it('names a weight that ran away, and small batches when the rate is below the full-data limit', () => {
    const input = captionInput({ settings: { lr: 0.38, b: 1 }, rows, status: 'diverged', now: { step: 1210, w1: -3e8, w2: 2, loss: 1e15 } });
    expect(captionFor(input)).toEqual([
      'The run diverged at step 1,210 in epoch 2: the weight w1 reached −3e8.',
      'The learning rate 0.38 is below the largest stable rate 0.402 for the full data, but a batch of 1 can curve more steeply than the whole data set; try a smaller rate or a larger batch.',
    ]);
  });

  it('says when the loss stopped being a number, even before the first epoch ended', () => {
    const input = captionInput({ settings: { lr: 5, mom: 0.5 }, status: 'diverged', maxStableLr: 0.603, now: { step: 3, w1: NaN, w2: NaN, loss: NaN } });
    expect(captionFor(input)).toEqual([
      'The run diverged at step 3 in epoch 1: the full loss is no longer a number.',
      'The learning rate 5 is above the largest stable rate 0.603 (with momentum 0.5) for this data, so every step overshot the minimum further than the one before.',
    ]);
  });
});

describe('caption at the end of the run', () => {
  const last: EpochRow[] = [
    { loss: 0.0915, w: [1.48, -0.53] },
    { loss: 0.0912, w: [1.49, -0.52] },
  ];
  const rows = decliningRows(20, 2, 0.7, last);

  it('linear: the distance to the optimum and how far the full loss is above the best possible', () => {
    const input = captionInput({ rows, status: 'done', optimum: { w: [1.5, -0.51], loss: 0.0909, unique: true } });
    expect(captionFor(input)).toEqual([
      'After 20 epochs (200 steps) w = (1.49, −0.52) is 0.0141 from the optimum w* = (1.5, −0.51); the full loss 0.0912 is 0.33% above the best possible 0.0909.',
      'Epoch 20 took 10 steps of 10 examples from w = (1.48, −0.53), exactly where epoch 19 ended, and lowered the full loss from 0.0915 to 0.0912.',
    ]);
  });

  it('linear: a loss many times the best is said as a ratio', () => {
    const input = captionInput({ rows: decliningRows(20, 2, 0.7, [{ loss: 1.24, w: [0.76, 1.04] }]), status: 'done', optimum: { w: [1.5, -0.51], loss: 0.0811, unique: true } });
    expect(captionFor(input)[0]).toBe(
      'After 20 epochs (200 steps) w = (0.76, 1.04) is 1.72 from the optimum w* = (1.5, −0.51); the full loss 1.24 is 15 times the best possible 0.0811.',
    );
  });

  it('linear with a singular problem: no distance to a point that is one of a whole line', () => {
    const input = captionInput({ settings: { n: 1, b: 1 }, rows, status: 'done', optimum: { w: [0.3, 0.3], loss: 0, unique: false } });
    expect(captionFor(input)[0]).toBe('After 20 epochs (20 steps) w = (1.49, −0.52); the full loss 0.0912 is 0.0912 above the best possible 0, which a whole line of weights reaches.');
  });

  it('deep: the distance to the valley and that the point reached is one of many equally good minima', () => {
    const deepRows = decliningRows(20, 2, 0.7, [{ loss: 0.0816, w: [1.2, 1.25] }]);
    const optimum = { w: [1.22, 1.22] as const, loss: 0.0815, product: 1.49, unique: true };
    expect(captionFor(captionInput({ settings: { model: 'deep' }, rows: deepRows, status: 'done', optimum }))).toEqual([
      'After 20 epochs (200 steps) w = (1.2, 1.25) has w1·w2 = 1.5, 0.01 from the valley w1·w2 = 1.49; the full loss 0.0816 is 0.12% above the best possible 0.0815.',
      'Every point of that valley fits the data equally well, so this is one of many equally good minima, not a single best one.',
    ]);
  });

  it('deep: does not claim a minimum was reached when the loss is still far above the best', () => {
    const deepRows = decliningRows(20, 2, 0.7, [{ loss: 3.73, w: [1.44, 0.05] }]);
    const optimum = { w: [1.22, 1.22] as const, loss: 0.0815, product: 1.49, unique: true };
    expect(captionFor(captionInput({ settings: { model: 'deep' }, rows: deepRows, status: 'done', optimum }))[1]).toBe(
      'Every point of that valley fits the data equally well: there is no single best w, only many equally good minima, and the run has not reached one yet.',
    );
  });

  it('without the optimum, says where the run ended instead of a distance it cannot know', () => {
    expect(captionFor(captionInput({ rows, status: 'done' }))[0]).toBe('After 20 epochs (200 steps) w = (1.49, −0.52), with a full loss of 0.0912.');
  });
});
