import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer, EPOCH_COLUMNS, SHUFFLE_MODES, STEP_COLUMNS } from '../../../src/core/index.ts';
import type { RunExportJson } from '../../../src/core/runReport.ts';
import { reportJson } from '../../../src/cli/format.ts';
import { simulate } from '../../../src/cli/simulate.ts';
import { allRunsJson, runEpochsCsv, runExportJson, runStepsCsv } from '../../../src/store/export/index.ts';
import { experimentToQuery, parseExperimentQuery } from '../../../src/url/experimentUrl.ts';
import { DEFAULT_VIEW } from '../../../src/url/view.ts';
import { settingsWith } from './runViewFixture.ts';
import { recordRun } from '../../core/runs.ts';

/** The engine run directly to `step`, every step and epoch recorded. */
const direct = recordRun;

function parse(text: string): RunExportJson {
  return JSON.parse(text) as RunExportJson;
}

describe('runExportJson', () => {
  it('holds every step up to the cursor, bit for bit the engine’s, and the report at that step', () => {
    // n = 1000, b = 3: 334 steps per epoch; step 1000 is inside epoch 3.
    const settings = settingsWith({ n: 1000, b: 3, epochs: 5, mom: 0.7, shuffle: 'batches' });
    const { trainer, steps, epochs } = direct(settings, 1000);
    const json = parse(runExportJson(settings, 1000));
    for (const column of STEP_COLUMNS) {
      const exported = json.steps[column];
      // Row 0 is step 0, the start; row i is step i.
      expect(exported.length, column).toBe(1001);
      for (let i = 0; i < 1000; i++) if (!Object.is(exported[i + 1], steps[column][i])) expect.fail(`${column}[${i + 1}]: ${exported[i + 1]} ≠ ${steps[column][i]}`);
    }
    expect(json.final).toEqual({ step: 1000, w: [trainer.w1, trainer.w2], loss: trainer.loss });
    expect(json.status).toBe('stopped');
    expect(json.stoppedAtStep).toBe(1000);
    expect(json.epochs.map((row) => [row.epoch, row.step, row.loss, row.meanBatchLoss, ...row.w])).toEqual(
      [0, 1].map((i) => EPOCH_COLUMNS.map((column) => epochs[column][i])),
    );
  });

  it('of a finished run is the CLI’s --json object plus the steps', async () => {
    const settings = settingsWith({ n: 47, b: 6, k: 2, epochs: 4, model: 'deep' });
    const { steps: _steps, ...report } = parse(runExportJson(settings, createTrainer(settings).schedule.totalSteps));
    const cli = JSON.parse(JSON.stringify(reportJson(await simulate(createTrainer(settings)))));
    expect(report).toEqual(cli);
    expect('stoppedAtStep' in report).toBe(false);
  });

  it('stops at the divergence when the run diverged before the cursor', () => {
    const settings = settingsWith({ lr: 5 });
    const { trainer } = direct(settings, Infinity);
    const json = parse(runExportJson(settings, 150));
    expect(json.status).toBe('diverged');
    expect(json.final.step).toBe(trainer.step);
    expect(json.steps.step).toHaveLength(trainer.step + 1);
    expect(json.message).toBe(trainer.divergence?.message);
  });

  it('of a run at step 0 has its initial weights and the one row of step 0', () => {
    const settings = settingsWith({});
    const json = parse(runExportJson(settings, 0));
    expect(json.final.step).toBe(0);
    expect(json.final.w).toEqual([-1.5, 2]);
    expect(json.stoppedAtStep).toBe(0);
    // No batch has been drawn: the batch loss is NaN, which JSON writes as null.
    expect(json.steps).toEqual({ step: [0], epoch: [0], w1: [-1.5], w2: [2], batchLoss: [null], loss: [createTrainer(settings).loss] });
    expect(json.epochs).toEqual([]);
  });

  it('starts with step 0, the starting state: w0 and the full loss there', () => {
    const settings = settingsWith({ w0: [0.25, -3], b: 7 });
    const start = createTrainer(settings);
    const json = parse(runExportJson(settings, 20));
    expect(STEP_COLUMNS.map((column) => json.steps[column][0])).toEqual([0, 0, 0.25, -3, null, start.loss]);
    expect(json.steps.step.slice(0, 3)).toEqual([0, 1, 2]);
    expect(json.steps.epoch.slice(0, 3)).toEqual([0, 1, 1]);
  });

  it('of a run restored from its link is the JSON of the run the link was copied from', () => {
    const original = settingsWith({ n: 60, b: 7, shuffle: 'replacement', lr: 0.1 / 3, w0: [0.1 + 0.2, -2], seed: 987654321, noise: 0.7 });
    const query = experimentToQuery({ settings: original, runs: [], view: { ...DEFAULT_VIEW }, question: null });
    const { experiment, problems } = parseExperimentQuery(query);
    expect(problems).toEqual([]);
    expect(experiment.settings).not.toBe(original);
    expect(runExportJson(experiment.settings, 37)).toBe(runExportJson(original, 37));
  });

  it('has steps.length = final.step + 1 = the stopping step + 1 for random small runs (fewer only after a divergence)', () => {
    const smallSettings = fc
      .record({
        n: fc.integer({ min: 1, max: 120 }),
        bFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        shuffle: fc.constantFrom(...SHUFFLE_MODES),
        drop: fc.boolean(),
        k: fc.integer({ min: 1, max: 3 }),
        epochs: fc.integer({ min: 1, max: 6 }),
        lr: fc.double({ min: 1e-4, max: 2, noNaN: true }),
        mom: fc.double({ min: 0, max: 0.95, noNaN: true }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        model: fc.constantFrom('linear' as const, 'deep' as const),
        init: fc.constantFrom('w0' as const, 'random' as const),
        restart: fc.boolean(),
      })
      .map(({ bFraction, ...rest }) => settingsWith({ ...rest, b: Math.max(1, Math.round(bFraction * rest.n)) }));
    fc.assert(
      fc.property(smallSettings, fc.double({ min: 0, max: 1, noNaN: true }), (settings, where) => {
        const total = createTrainer(settings).schedule.totalSteps;
        const s = Math.round(where * total);
        const json = parse(runExportJson(settings, s));
        const reached = json.status === 'diverged' ? json.final.step : s;
        if (json.status === 'diverged') expect(reached).toBeLessThanOrEqual(s);
        else expect(json.status).toBe(s === total ? 'done' : 'stopped');
        expect(json.final.step).toBe(reached);
        for (const column of STEP_COLUMNS) expect(json.steps[column]).toHaveLength(reached + 1);
        expect(json.steps.step[0]).toBe(0);
        expect(json.steps.step[reached]).toBe(reached);
        // A step that diverges ends no epoch, even the last step of one.
        const completed = json.status === 'diverged' ? reached - 1 : reached;
        expect(json.epochs).toHaveLength(Math.floor(completed / json.stepsPerEpoch));
      }),
      { numRuns: 150 },
    );
  });
});

describe('allRunsJson', () => {
  it('is an array whose element i is exactly the JSON of run i', () => {
    const runs = [
      { settings: settingsWith({ b: 1 }), step: 250 },
      { settings: settingsWith({ b: 100, shuffle: 'none' }), step: 20 },
      { settings: settingsWith({ lr: 5 }), step: 500 },
    ];
    const all = JSON.parse(allRunsJson(runs)) as unknown[];
    expect(all).toHaveLength(3);
    runs.forEach((run, i) => expect(all[i]).toEqual(JSON.parse(runExportJson(run.settings, run.step))));
    expect(JSON.parse(allRunsJson([]))).toEqual([]);
  });
});

describe('runStepsCsv', () => {
  it('is the settings comment, the CLI’s header, the row of step 0 and one exact row per step up to the cursor', () => {
    const settings = settingsWith({ n: 50, b: 4, epochs: 3, mom: 0.5 });
    const { steps } = direct(settings, 30);
    const lines = runStepsCsv(settings, 30).split('\n');
    expect(lines[0]).toMatch(/^# settings: n=50 b=4 shuffle=epoch drop=0 optimizer=sgd lr=0\.03 .* mom=0\.5 /);
    expect(lines[1]).toBe('step,epoch,w1,w2,batchLoss,loss');
    expect(lines[2]).toBe(`0,0,-1.5,2,NaN,${createTrainer(settings).loss}`);
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(3, -1);
    expect(rows).toHaveLength(30);
    rows.forEach((line, row) => {
      const cells = line.split(',').map(Number);
      STEP_COLUMNS.forEach((column, c) => expect(Object.is(cells[c], steps[column][row]), `${column} of row ${row}`).toBe(true));
    });
  });
});

describe('runEpochsCsv', () => {
  it('is the settings comment, the epoch header and one exact row per completed epoch', () => {
    const settings = settingsWith({ n: 50, b: 4, epochs: 6 });
    const { epochs } = direct(settings, 40);
    const lines = runEpochsCsv(settings, epochs).trimEnd().split('\n');
    expect(lines[0].startsWith('# settings: n=50 b=4 ')).toBe(true);
    expect(lines[1]).toBe('epoch,step,loss,meanBatchLoss,w1,w2');
    // 13 steps per epoch: 40 steps complete 3 epochs.
    expect(lines.slice(2).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['1,13', '2,26', '3,39']);
    const json = parse(runExportJson(settings, 40));
    expect(lines.slice(2).map((line) => line.split(',').map(Number))).toEqual(json.epochs.map((row) => [row.epoch, row.step, row.loss, row.meanBatchLoss, ...row.w]));
  });
});
