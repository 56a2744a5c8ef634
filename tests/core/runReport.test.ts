import { describe, expect, it } from 'vitest';
import { EPOCH_COLUMNS, parseSettings, SETTING_NAMES, STEP_COLUMNS } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/index.ts';
import {
  EPOCH_CSV_HEADER,
  epochCsvRows,
  reportJson,
  reportOfTrainer,
  reportWithSteps,
  settingsCsvComment,
  STEP_CSV_HEADER,
  stepCsvRows,
} from '../../src/core/runReport.ts';
import { runCli } from '../cli/runCli.ts';
import { recordRun, settingsWith } from './runs.ts';

/** A trainer advanced to `step` (or its end), with every step and epoch it recorded. */
const runTo = recordRun;

function cliFlags(settings: Settings): string[] {
  return Object.entries({ n: settings.n, b: settings.b, k: settings.k, epochs: settings.epochs, model: settings.model, lr: settings.lr, mom: settings.mom }).map(
    ([name, value]) => `--${name}=${value}`,
  );
}

describe('the run report', () => {
  it('is, byte for byte, what `npm run sim --json` prints for the same run', () => {
    const cases = [
      settingsWith({ n: 47, b: 6, k: 2, epochs: 4 }),
      settingsWith({ model: 'deep', epochs: 3, mom: 0.5 }),
      settingsWith({ lr: 5 }),
    ];
    for (const settings of cases) {
      const { trainer, epochs } = recordRun(settings);
      const cli = runCli([...cliFlags(settings), '--json']);
      expect(cli.status).toBe(0);
      expect(cli.stdout).toBe(`${JSON.stringify(reportJson(reportOfTrainer(trainer, epochs)))}\n`);
    }
  });

  it('writes the settings in the documented order whatever order the object has', () => {
    const settings = settingsWith({ b: 7, shuffle: 'once' });
    const reversed = Object.fromEntries(Object.entries(settings).reverse()) as unknown as Settings;
    const { trainer, epochs } = recordRun(settings);
    const forward = JSON.stringify(reportJson(reportOfTrainer(trainer, epochs)));
    const backward = JSON.stringify(reportJson({ ...reportOfTrainer(trainer, epochs), settings: reversed }));
    expect(backward).toBe(forward);
    expect(Object.keys(reportJson(reportOfTrainer(trainer, epochs)).settings)).toEqual([...SETTING_NAMES]);
  });

  it('of a run stopped mid-epoch says so, and holds only the epochs it completed', () => {
    // n = 23, b = 5: 5 steps per epoch, so step 13 is inside epoch 3.
    const settings = settingsWith({ n: 23, b: 5, epochs: 4 });
    const { trainer, epochs } = runTo(settings, 13);
    const json = reportJson(reportOfTrainer(trainer, epochs));
    expect(json.status).toBe('stopped');
    expect(json.stoppedAtStep).toBe(13);
    expect(json.final).toEqual({ step: 13, w: [trainer.w1, trainer.w2], loss: trainer.loss });
    expect(json.epochs.map((row) => row.step)).toEqual([5, 10]);
    expect(Object.keys(json).slice(-3)).toEqual(['final', 'status', 'stoppedAtStep']);
  });

  it('of a finished run has no stoppedAtStep', () => {
    const { trainer, epochs } = recordRun(settingsWith({ epochs: 2 }));
    const json = reportJson(reportOfTrainer(trainer, epochs));
    expect(json.status).toBe('done');
    expect('stoppedAtStep' in json).toBe(false);
  });

  it('with steps carries every step column by column, exactly', () => {
    const settings = settingsWith({ n: 30, b: 4, epochs: 3, mom: 0.5 });
    const { trainer, steps, epochs } = runTo(settings, 17);
    const json = reportWithSteps(reportOfTrainer(trainer, epochs), steps);
    expect(Object.keys(json.steps)).toEqual([...STEP_COLUMNS]);
    for (const column of STEP_COLUMNS) expect(json.steps[column]).toEqual(Array.from(steps[column].subarray(0, 17)));
    expect(json.steps.step[16]).toBe(json.final.step);
  });
});

describe('the run CSVs', () => {
  it('print every step and every epoch exactly: each number reads back to the same double', () => {
    const { steps, epochs } = recordRun(settingsWith({ n: 30, b: 4, epochs: 3, mom: 0.5, shuffle: 'batches' }));
    const cases = [
      { header: STEP_CSV_HEADER, body: stepCsvRows(steps), columns: STEP_COLUMNS, records: steps as unknown as Record<string, Float64Array>, length: steps.length },
      { header: EPOCH_CSV_HEADER, body: epochCsvRows(epochs), columns: EPOCH_COLUMNS, records: epochs as unknown as Record<string, Float64Array>, length: epochs.length },
    ];
    for (const { header, body, columns, records, length } of cases) {
      expect(header).toBe(`${columns.join(',')}\n`);
      const lines = body.trimEnd().split('\n');
      expect(lines.length).toBe(length);
      lines.forEach((line, row) => {
        const cells = line.split(',').map(Number);
        columns.forEach((column, c) => expect(Object.is(cells[c], records[column][row]), `${column} of row ${row}`).toBe(true));
      });
    }
  });

  it('name the settings in a comment line that reads back to the same settings', () => {
    const settings = settingsWith({ b: 32, shuffle: 'replacement', w0: [-0.25, 3], lr: 0.1 / 3, drop: true, data: 'plane', rho: -0.5 });
    const comment = settingsCsvComment(settings);
    expect(comment).toMatch(/^# settings: n=100 b=32 shuffle=replacement drop=1 optimizer=sgd lr=0\.0333\d+ /);
    expect(comment.endsWith('\n')).toBe(true);
    expect(comment.trimEnd().split('\n')).toHaveLength(1);
    const entries = comment
      .slice('# settings: '.length)
      .trimEnd()
      .split(' ')
      .map((pair) => pair.split('=') as [string, string]);
    const parsed = parseSettings(entries);
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual(settings);
  });
});

describe('the stable learning rate of the deep model', () => {
  it('is reported where training starts and where it ended, since its curvature depends on the weights', async () => {
    const { maxStableLr } = await import('../../src/core/curvature.ts');
    const deep = settingsWith({ model: 'deep', epochs: 2 });
    const { trainer, epochs } = runTo(deep, Infinity);
    const json = reportJson(reportOfTrainer(trainer, epochs));
    expect(json.maxStableLrAtStart).toBe(maxStableLr(trainer.stats, 'deep', deep.w0[0], deep.w0[1], deep.mom));
    expect(json.maxStableLrAtFinal).toBe(maxStableLr(trainer.stats, 'deep', trainer.w1, trainer.w2, deep.mom));
    expect(json.maxStableLrAtStart).not.toBe(json.maxStableLrAtFinal);
    const linear = runTo(settingsWith({ epochs: 2 }), Infinity);
    const linearJson = reportJson(reportOfTrainer(linear.trainer, linear.epochs));
    expect('maxStableLrAtStart' in linearJson).toBe(false);
  });
});
