// Every guided question that asks for a prediction: the outcome the page
// reveals is measured on the link's runs, is the same choice for the link's
// seed and for every one of seeds 2–11 (a prediction's answer must not be a
// lucky draw), and the measure can tell runs apart, so it is not a constant.
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app/questions.ts';
import { runLink } from '../../src/app/questions/runLink.ts';
import { nearestPoint, weightsAfter } from '../../src/app/questions/prediction.ts';
import type { RunResult } from '../../src/app/questions/runLink.ts';

const SEEDS = [undefined, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const predicting = QUESTIONS.filter((q) => q.prediction);

describe('questions that ask for a prediction', () => {
  it('include at least one', () => {
    expect(predicting.map((q) => q.id)).toContain('new-epoch');
  });

  describe.each(predicting.map((q) => [q.id, q] as const))('question %s', (_id, question) => {
    const prediction = question.prediction!;
    const outcomes = SEEDS.map((seed) => prediction.outcome(runLink(question.link, seed)));

    it('offers distinct choices, and its outcome is one of them', () => {
      const ids = prediction.choices.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(outcomes[0].choice);
    });

    it('has the same outcome for the link seed and every seed 2–11', () => {
      const choices = outcomes.map((o) => o.choice);
      expect(new Set(choices), outcomes.map((o) => o.numbers).join('\n')).toEqual(new Set([outcomes[0].choice]));
    });

    it('reveals only after the step its outcome reads', () => {
      const runs = runLink(question.link);
      const run = runs[prediction.run];
      expect(prediction.revealAfterStep).toBeGreaterThan(0);
      expect(prediction.revealAfterStep).toBeLessThanOrEqual(run.final.step);
      expect(outcomes[0].numbers).toContain(`step ${prediction.revealAfterStep}`);
    });
  });
});

describe('new-epoch: when epoch 2 begins', () => {
  const question = QUESTIONS.find((q) => q.id === 'new-epoch')!;
  const [ordinary, restarting] = runLink(question.link);

  it('finds the ordinary run where epoch 1 ended, the restarting one at new random weights', () => {
    expect(question.prediction!.outcome([ordinary, restarting]).choice).toBe('end');
    // The same measure on the other run: swapping the runs changes the answer.
    expect(question.prediction!.outcome([restarting, ordinary]).choice).toBe('random');
  });

  it('names the start when the weights have not moved', () => {
    const [s1, s2] = weightsAfter(ordinary, 0);
    const frozen: RunResult = { ...ordinary, steps: { ...ordinary.steps, w1: ordinary.steps.w1.map(() => s1), w2: ordinary.steps.w2.map(() => s2) } };
    const measure = nearestPoint(ordinary.stepsPerEpoch + 5, [{ choice: 'start', words: 'the start', at: (run) => weightsAfter(run, 0) }], 'elsewhere', 2);
    // Every step has length 0, so only an exact match is near: the start is.
    expect(measure(frozen).choice).toBe('start');
    expect(measure(ordinary).choice).toBe('elsewhere');
  });
});
