import { describe, expect, it } from 'vitest';
import { createTrainer, DEFAULT_SETTINGS, fullLoss, type Settings } from '../../../src/core/index.ts';
import { captionInputFromRun, captionKey, problemFacts } from '../../../src/panels/captions/captionInput.ts';
import { captionFor } from '../../../src/panels/captions/captionFor.ts';
import { pair } from '../../../src/panels/captions/captionFormat.ts';
import { trainedRun } from '../runFixture.ts';

function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...overrides };
}

describe('captionInputFromRun', () => {
  it('knows the order head of shuffle=none without being told, and does not guess a shuffled one', () => {
    const none = trainedRun({ shuffle: 'none' }, 25);
    const shuffled = trainedRun({ shuffle: 'epoch' }, 25);
    expect(captionInputFromRun(none, { facts: null }).orderHead).toEqual([0, 1, 2]);
    expect(captionInputFromRun(shuffled, { facts: null }).orderHead).toBeNull();
  });

  it('with one batch per epoch, takes the order and distinct draws from the cursor at the epoch end', () => {
    const settings = settingsWith({ shuffle: 'replacement', b: 100, epochs: 3 });
    const trainer = createTrainer(settings);
    trainer.advance(2, null, null);
    const drawn = Array.from(trainer.epochOrder());
    const input = captionInputFromRun(trainedRun(settings, 2), { facts: null });
    expect(input.orderHead).toEqual(drawn.slice(0, 3));
    expect(input.distinctExamples).toBe(new Set(drawn).size);
  });

  it('prefers the facts it is given, and prices the given epoch start with the full loss', () => {
    const run = trainedRun({ restart: true }, 35);
    const facts = problemFacts(run.settings);
    const input = captionInputFromRun(run, { facts, epochStartW: [0.5, -1], orderHead: new Uint32Array([9, 8, 7, 6]), distinctExamples: 100 });
    expect(input.epochStartW).toEqual([0.5, -1]);
    expect(input.epochStartLoss).toBe(fullLoss(facts.stats, 'linear', 0.5, -1));
    expect(input.orderHead).toEqual([9, 8, 7]);
    expect(input.optimum).toEqual({ w: facts.optimum.w, loss: facts.optimum.loss, unique: true });
    expect(input.maxStableLr).toBe(facts.maxStableLr);
    expect(input.initialLoss).toBe(fullLoss(facts.stats, 'linear', -1.5, 2));
  });

  it('marks every fact it lacks as unknown', () => {
    const input = captionInputFromRun(trainedRun({}, 25), { facts: null });
    expect(input.optimum).toBeNull();
    expect(input.maxStableLr).toBeNaN();
    expect(input.initialLoss).toBeNaN();
    expect(input.epochStartW).toBeNull();
    expect(input.epochStartLoss).toBeNaN();
  });

  it('carries the deep optimum’s valley product', () => {
    const run = trainedRun({ model: 'deep' });
    const facts = problemFacts(run.settings);
    expect(captionInputFromRun(run, { facts }).optimum?.product).toBe(facts.optimum.product);
  });
});

describe('captions of real runs', () => {
  it('end of the default run: the optimum quoted is the engine’s', () => {
    const run = trainedRun();
    const facts = problemFacts(run.settings);
    const [end] = captionFor(captionInputFromRun(run, { facts }));
    expect(end.startsWith(`After 20 epochs (200 steps) w = ${pair([run.cursor.w1, run.cursor.w2])} is `)).toBe(true);
    expect(end).toContain(`from the optimum w* = ${pair(facts.optimum.w)}`);
  });

  it('a diverging run: the step is the one the engine stopped at', () => {
    const run = trainedRun({ lr: 1 });
    expect(run.status).toBe('diverged');
    const [lead] = captionFor(captionInputFromRun(run, { facts: problemFacts(run.settings) }));
    expect(lead).toMatch(new RegExp(`^The run diverged at step ${run.cursor.step} in epoch ${run.epochs.length + 1}: `));
  });
});

describe('captionKey', () => {
  const facts = problemFacts(DEFAULT_SETTINGS as Settings);

  it('stays the same between the steps of an epoch, so the live region is not re-announced', () => {
    expect(captionKey(captionInputFromRun(trainedRun({}, 21), { facts }))).toBe(captionKey(captionInputFromRun(trainedRun({}, 29), { facts })));
  });

  it('changes when an epoch ends, when the status changes and when the facts arrive', () => {
    const key = captionKey(captionInputFromRun(trainedRun({}, 29), { facts }));
    expect(captionKey(captionInputFromRun(trainedRun({}, 30), { facts }))).not.toBe(key);
    expect(captionKey(captionInputFromRun({ ...trainedRun({}, 29), status: 'running' }, { facts }))).not.toBe(key);
    expect(captionKey(captionInputFromRun(trainedRun({}, 29), { facts: null }))).not.toBe(key);
  });

  it('changes for a new run or new settings at the same epoch count', () => {
    const key = captionKey(captionInputFromRun(trainedRun({}, 0), { facts }));
    expect(captionKey(captionInputFromRun(trainedRun({}, 0, 'other'), { facts }))).not.toBe(key);
    expect(captionKey(captionInputFromRun(trainedRun({ w0: [1, 1] }, 0), { facts }))).not.toBe(key);
  });
});
