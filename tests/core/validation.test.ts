import { describe, expect, it } from 'vitest';
import { createTrainer, resumeTrainer } from '../../src/core/trainer.ts';
import { generateData, generateValidationData, validationSize } from '../../src/core/data.ts';
import { parseSettings } from '../../src/core/parseSettings.ts';
import { reportJson, reportOfTrainer, reportWithSteps, stepCsvHeader, stepCsvRows } from '../../src/core/runReport.ts';
import type { Settings } from '../../src/core/settings.ts';
import { recordRun, settingsWith } from './runs.ts';

/** The validation loss the long way: the mean squared residual over every validation example. */
function directValLoss(settings: Settings, w1: number, w2: number): number {
  const { x1, x2, y, n } = generateValidationData(settings);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const prediction = settings.model === 'deep' ? w2 * (w1 * x1[i]) : w1 * x1[i] + w2 * x2[i];
    sum += (prediction - y[i]) ** 2;
  }
  return sum / n;
}

const CASES: Partial<Settings>[] = [
  { n: 50, b: 8, shuffle: 'epoch', epochs: 4 },
  { n: 41, b: 5, data: 'plane', rho: 0.7, mom: 0.6, shuffle: 'batches', epochs: 3 },
  { n: 30, b: 4, model: 'deep', w0: [0.5, 0.5], shuffle: 'replacement', epochs: 3 },
];

describe('the validation set (val)', () => {
  it('changes nothing about training: same data, steps per epoch and every step', () => {
    for (const c of CASES) {
      const without = recordRun(settingsWith(c));
      const withVal = recordRun(settingsWith({ ...c, val: 0.3 }));
      expect(withVal.trainer.data).toEqual(without.trainer.data);
      expect(withVal.trainer.schedule).toEqual(without.trainer.schedule);
      for (const column of ['step', 'epoch', 'w1', 'w2', 'batchLoss', 'loss'] as const) {
        expect(Array.from(withVal.steps[column].subarray(0, withVal.steps.length))).toEqual(Array.from(without.steps[column].subarray(0, without.steps.length)));
      }
    }
  });

  it('has round(val·n) examples of its own, drawn from the same distribution', () => {
    expect(validationSize({ n: 100, val: 0.25 })).toBe(25);
    expect(validationSize({ n: 3, val: 0.5 })).toBe(2);
    expect(validationSize({ n: 1, val: 0.4 })).toBe(0);
    const settings = settingsWith({ n: 4000, val: 0.5 });
    const train = generateData(settings);
    const val = generateValidationData(settings);
    expect(val.n).toBe(2000);
    // Its own stream: not the training set's first examples again.
    expect(val.x1[0]).not.toBe(train.x1[0]);
    const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(Math.abs(mean(val.x1) - mean(train.x1))).toBeLessThan(0.1);
    expect(Math.abs(mean(val.y) - mean(train.y))).toBeLessThan(0.15);
  });

  it('gives every step and every epoch end its loss, as the direct mean over the set', () => {
    for (const c of CASES) {
      const settings = settingsWith({ ...c, val: 0.4 });
      const { trainer, steps, epochs } = recordRun(settings);
      const valLoss = steps.valLoss as Float64Array;
      for (let row = 0; row < steps.length; row++) {
        const direct = directValLoss(settings, steps.w1[row], steps.w2[row]);
        expect(Math.abs(valLoss[row] - direct) / direct).toBeLessThan(1e-12);
      }
      for (let e = 0; e < epochs.length; e++) expect(epochs.valLoss?.[e]).toBe(valLoss[epochs.step[e] - 1]);
      expect(trainer.valLoss).toBe(valLoss[steps.length - 1]);
    }
  });

  it('is absent at val = 0: NaN in the records, and no valLoss in any output', () => {
    const settings = settingsWith(CASES[0]);
    const { trainer, steps, epochs } = recordRun(settings);
    expect(trainer.validation).toBeNull();
    expect(trainer.valLoss).toBeNaN();
    expect(Array.from(steps.valLoss?.subarray(0, steps.length) ?? []).every(Number.isNaN)).toBe(true);
    const json = reportJson(reportOfTrainer(trainer, epochs));
    expect(JSON.stringify(json)).not.toContain('valLoss');
    expect(JSON.stringify(reportWithSteps(reportOfTrainer(trainer, epochs), steps))).not.toContain('valLoss');
    expect(stepCsvHeader(false)).toBe('step,epoch,w1,w2,batchLoss,loss\n');
    expect(stepCsvRows(steps).split('\n')[0].split(',')).toHaveLength(6);
  });

  it('appears in the JSON report, the page export and the CSV when there is one', () => {
    const settings = settingsWith({ ...CASES[0], val: 0.2 });
    const { trainer, steps, epochs } = recordRun(settings);
    const json = reportJson(reportOfTrainer(trainer, epochs));
    json.epochs.forEach((row, e) => expect(row.valLoss).toBe(epochs.valLoss?.[e]));
    expect(json.final.valLoss).toBe(trainer.valLoss);
    expect(reportWithSteps(reportOfTrainer(trainer, epochs), steps).steps.valLoss).toEqual(Array.from(steps.valLoss?.subarray(0, steps.length) ?? []));
    expect(stepCsvHeader(true)).toBe('step,epoch,w1,w2,batchLoss,loss,valLoss\n');
    expect(stepCsvRows(steps, true).split('\n')[0].split(',')[6]).toBe(String(steps.valLoss?.[0]));
  });

  it('resumes from a checkpoint with the same validation losses', () => {
    const settings = settingsWith({ ...CASES[1], val: 0.5 });
    const straight = recordRun(settings);
    const trainer = createTrainer(settings);
    trainer.advance(10, null, null);
    const resumed = recordRun(settings);
    const again = resumeTrainer(settings, structuredClone(trainer.checkpoint()));
    resumed.steps.length = 0;
    again.advance(Infinity, resumed.steps, null);
    expect(Array.from(resumed.steps.valLoss?.subarray(0, resumed.steps.length) ?? [])).toEqual(Array.from(straight.steps.valLoss?.subarray(10, straight.steps.length) ?? []));
  });

  it('is read from text as a fraction from 0 to 0.5', () => {
    expect(parseSettings([['val', '0.25']]).settings.val).toBe(0.25);
    for (const bad of ['0.6', '-0.1', 'x']) {
      const { settings, problems } = parseSettings([['val', bad]]);
      expect(settings.val).toBe(0);
      expect(problems[0].message).toMatch(/validation fraction must be a number from 0 to 0.5/);
    }
  });
});
