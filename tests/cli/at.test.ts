// --at: the --json report of a run as it stood after a step, against the engine's straight run.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';
import { parseArgs } from '../../src/cli/args.ts';
import type { ReportJson } from '../../src/cli/format.ts';
import { DEFAULT_SETTINGS, createEpochRecords, createStepRecords, createTrainer } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/index.ts';

const RUN: Partial<Settings> = { n: 47, b: 6, shuffle: 'epoch', mom: 0.5, k: 2, epochs: 4, seed: 11, restart: true };
const FLAGS = ['--n', '47', '--b', '6', '--shuffle', 'epoch', '--mom', '0.5', '--k', '2', '--epochs', '4', '--seed', '11', '--restart'];

describe('npm run sim -- --json --at <step>', () => {
  it('reports the straight run’s state at that step: its epochs so far, weights and loss', () => {
    const trainer = createTrainer({ ...DEFAULT_SETTINGS, ...RUN });
    const steps = createStepRecords(trainer.schedule.totalSteps);
    const epochs = createEpochRecords(4);
    trainer.advance(Infinity, steps, epochs);
    const whole = JSON.parse(runCli([...FLAGS, '--json']).stdout) as ReportJson;
    // Step 0, mid-epoch, and the last step (an epoch of this run is 16 steps).
    for (const at of [0, 17, 37, trainer.schedule.totalSteps]) {
      const result = runCli([...FLAGS, '--json', '--at', String(at)]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout) as ReportJson;
      const done = at === trainer.schedule.totalSteps;
      expect(json.status).toBe(done ? 'done' : 'stopped');
      expect(json.stoppedAtStep).toBe(done ? undefined : at);
      const start = createTrainer({ ...DEFAULT_SETTINGS, ...RUN });
      const w = at === 0 ? [start.w1, start.w2] : [steps.w1[at - 1], steps.w2[at - 1]];
      expect(json.final).toEqual({ step: at, w, loss: at === 0 ? start.loss : steps.loss[at - 1] });
      const completed = Array.from(epochs.step.subarray(0, epochs.length)).filter((step) => step <= at).length;
      expect(json.epochs).toHaveLength(completed);
      json.epochs.forEach((row, i) => expect(row).toEqual({ epoch: i + 1, step: epochs.step[i], loss: epochs.loss[i], meanBatchLoss: epochs.meanBatchLoss[i], w: [epochs.w1[i], epochs.w2[i]] }));
      expect(json.settings).toEqual(whole.settings);
    }
  });

  it('refuses a step outside the run, a non-number, and any output but --json, naming why', () => {
    const errors = (argv: string[]) => {
      const command = parseArgs(argv);
      return command.kind === 'error' ? command.messages.join('\n') : '';
    };
    expect(parseArgs(['--json', '--at', '5'])).toMatchObject({ kind: 'run', output: 'json', at: 5 });
    expect(parseArgs(['--json', '--at=0'])).toMatchObject({ kind: 'run', at: 0 });
    expect(parseArgs(['--json'])).not.toHaveProperty('at');
    expect(errors(['--json', '--at', '201'])).toMatch(/--at 201: the step must be a whole number from 0 to the run's 200 steps/);
    expect(errors(['--json', '--at', '2.5'])).toMatch(/whole number/);
    expect(errors(['--json', '--at', '-1'])).toMatch(/whole number/);
    expect(errors(['--json', '--at'])).toMatch(/--at needs a step/);
    expect(errors(['--json', '--at', '--n', '5'])).toMatch(/--at needs a step/);
    expect(errors(['--csv', '--at', '5'])).toMatch(/works with --json only/);
    expect(errors(['--at', '5'])).toMatch(/works with --json only/);
    expect(errors(['--json', '--at', '5', '--at', '6'])).toMatch(/--at was given 2 times/);
    expect(errors(['--json', '--att', '5'])).toMatch(/did you mean --at\?/);
  });
});
