import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app/questions.ts';
import { experimentToQuery, parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { createSchedule } from '../../src/core/schedule.ts';
import { runLink } from '../../src/app/questions/runLink.ts';

describe('guided questions', () => {
  it('each opens a valid experiment in the documented URL format, naming itself', () => {
    const ids = new Set<string>();
    for (const q of QUESTIONS) {
      const { experiment, problems } = parseExperimentQuery(q.link);
      expect(problems, q.id).toEqual([]);
      expect(experiment.question).toBe(q.id);
      // Canonical: the link is exactly what the page would write for that experiment.
      expect(experimentToQuery(experiment)).toBe(q.link);
      ids.add(q.id);
      const sentences = q.explanation.split(/(?<=[.!?])\s+/);
      expect(sentences.length, q.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, q.id).toBeLessThanOrEqual(5);
    }
    expect(ids.size).toBe(QUESTIONS.length);
  });

  it('states numbers that the engine agrees with', () => {
    const steps = parseExperimentQuery(QUESTIONS.find((q) => q.id === 'steps-per-epoch')!.link).experiment;
    const [plain, dropped] = steps.runs.map((r) => createSchedule(r.settings));
    expect(plain).toMatchObject({ batchesPerEpoch: 313, lastBatchSize: 16 });
    expect(dropped.batchesPerEpoch).toBe(312);
    const sizes = parseExperimentQuery(QUESTIONS.find((q) => q.id === 'batch-size')!.link).experiment.runs.map((r) => r.settings.b);
    expect(sizes).toEqual([1, 10, 100]);
  });

  it('a link made before init=random existed shows what it showed, up to the noise of a reshuffle', () => {
    // The old "new epoch" link and its epoch-end losses as issue 10 quoted them (3 significant digits). Since
    // shuffle=epoch draws each epoch's order afresh from 0 … n−1 (as PyTorch's RandomSampler), epochs 2 on see
    // other orders than when they were quoted, so only epoch 1 is sure to match to the digit; the rest differ by the
    // mini-batch noise alone, a percent or two. New restart draws would move them far more: a restart lands
    // anywhere in [−3, 3]².
    const [ordinary, restarting] = runLink('?epochs=10&x=epochs&speed=60&runs=base,restart:1&q=new-epoch');
    const quoted = {
      ordinary: [3.42, 2.12, 1.37, 0.897, 0.597, 0.409, 0.288, 0.213, 0.164, 0.133],
      restarting: [3.42, 1.83, 0.128, 0.366, 0.809, 0.158, 1.47, 2.05, 0.363, 0.413],
    };
    for (const [name, run] of [['ordinary', ordinary], ['restarting', restarting]] as const) {
      const losses = run.epochs.map((row) => row.loss);
      expect(losses, name).toHaveLength(10);
      expect(Number(losses[0].toPrecision(3)), name).toBe(quoted[name][0]);
      losses.forEach((loss, i) => expect(Math.abs(loss / quoted[name][i] - 1), `${name}, epoch ${i + 1}`).toBeLessThan(0.03));
    }
  });
});
