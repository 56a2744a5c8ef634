// The command-line tool as a user runs it: a real child process per test, so
// these are kept few; the parsing and formatting have fast tests of their own.
import { describe, expect, it } from 'vitest';
import { runCli, runCliAndCloseEarly, runCliOnTerminal } from './runCli.ts';
import type { ReportJson } from '../../src/cli/format.ts';
import { DEFAULT_SETTINGS, SETTING_NAMES, STEP_COLUMNS, createEpochRecords, createStepRecords, createTrainer } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/index.ts';

const SMALL: Partial<Settings> = { n: 47, b: 6, shuffle: 'batches', mom: 0.5, k: 2, epochs: 4, seed: 11 };
const SMALL_FLAGS = ['--n', '47', '--b=6', '--shuffle', 'batches', '--mom', '0.5', '--k', '2', '--epochs', '4', '--seed', '11'];

function engineRun(changes: Partial<Settings>) {
  const trainer = createTrainer({ ...DEFAULT_SETTINGS, ...changes });
  const steps = createStepRecords(trainer.schedule.totalSteps);
  const epochs = createEpochRecords(trainer.settings.epochs);
  trainer.advance(Infinity, steps, epochs);
  return { trainer, steps, epochs };
}

describe('npm run sim', () => {
  it('--json reports the same run as the engine', () => {
    const result = runCli([...SMALL_FLAGS, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as ReportJson;
    const { trainer, epochs } = engineRun(SMALL);

    expect(json.settings).toEqual(trainer.settings);
    expect(json.stepsPerEpoch).toBe(Math.ceil(47 / 6) * 2);
    expect(json.lastBatchSize).toBe(47 % 6);
    expect(json.totalSteps).toBe(json.stepsPerEpoch * 4);
    expect(json.status).toBe('done');
    expect(json.epochs.length).toBe(4);
    json.epochs.forEach((row, i) => {
      expect(row).toEqual({
        epoch: epochs.epoch[i],
        step: epochs.step[i],
        loss: epochs.loss[i],
        meanBatchLoss: epochs.meanBatchLoss[i],
        w: [epochs.w1[i], epochs.w2[i]],
      });
    });
    const last = json.epochs[3];
    expect(json.final).toEqual({ step: json.totalSteps, w: last.w, loss: last.loss });
  });

  it('--csv prints every step of the engine, exactly', () => {
    const result = runCli([...SMALL_FLAGS, '--csv']);
    expect(result.status).toBe(0);
    const { steps, trainer } = engineRun(SMALL);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(trainer.schedule.totalSteps + 2);
    expect(lines[0]).toBe('step,epoch,w1,w2,batchLoss,loss');
    // Step 0, the starting state, as the page's steps CSV has it.
    const start = createTrainer({ ...DEFAULT_SETTINGS, ...SMALL });
    expect(lines[1]).toBe(`0,0,${start.w1},${start.w2},NaN,${start.loss}`);
    expect([start.w1, start.w2]).toEqual([...DEFAULT_SETTINGS.w0]);
    lines.slice(2).forEach((line, row) => {
      const cells = line.split(',');
      STEP_COLUMNS.forEach((column, c) => expect(cells[c], `${column} of step ${row + 1}`).toBe(String(steps[column][row])));
    });
  });

  it('exits 2 and names every bad flag and value, running nothing', () => {
    const result = runCli(['--epoch', '3', '--lr', 'fast', '--n', '10', '--b', '20']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown flag --epoch (did you mean --epochs?)');
    expect(result.stderr).toContain('--lr=fast: learning rate must be a finite number > 0');
    expect(result.stderr).toContain('--b=20: batch size must be an integer from 1 to n (10)');
  });

  it('--help lists every setting and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const name of SETTING_NAMES) expect(result.stdout).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
  });

  it('reports divergence as a result: exit 0, message on stderr in the summary, status in the JSON', () => {
    const summary = runCli(['--lr', '5']);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/Diverged at step \d+/);
    expect(summary.stderr).toMatch(/^sim: Diverged at step \d+ \(epoch 1\): .*largest stable rate/);
    const json = runCli(['--lr', '5', '--json']);
    expect(json.status).toBe(0);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as ReportJson;
    expect(report.status).toBe('diverged');
    expect(summary.stderr).toContain(report.message);
  });

  it('stops quietly when the reader closes the pipe (| head)', async () => {
    // Ten million steps would take many seconds and ~700 MB of CSV if the tool kept writing.
    const started = Date.now();
    const result = await runCliAndCloseEarly(['--n', '100000', '--b', '1', '--epochs', '100', '--csv'], 3);
    expect(result.lines[0]).toBe('step,epoch,w1,w2,batchLoss,loss');
    expect(result.lines[1]).toMatch(/^0,0,/);
    expect(result.lines[2]).toMatch(/^1,1,/);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('exits 2 on names that are not flags, prototype names included, and on a bad boolean, naming its words', () => {
    const result = runCli(['--constructor', '--toString', '--__proto__', '--drop', 'maybe']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    for (const name of ['constructor', 'toString', '__proto__']) expect(result.stderr).toContain(`sim: unknown flag --${name}`);
    expect(result.stderr).toContain('--drop maybe: --drop is a yes/no flag; give it alone (meaning true) or with one of true, false, 1, 0, yes, no, on, off');
    expect(result.stderr).not.toContain('unexpected argument');
  });

  // Fifty million steps: over 1.5 s even at the engine's best speed (about 30 M steps/s at b = 1),
  // so well past the progress line's one-second delay on any machine.
  const LONG = ['--n', '100000', '--b', '1', '--epochs', '500', '--json'];

  it('shows a long run\'s progress on a terminal, then erases it before the result', () => {
    const { status, screen } = runCliOnTerminal(LONG);
    expect(status).toBe(0);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is tested
    expect(screen).toMatch(/\r\u001b\[2Ksim: \d+% · [\d.]+[kM]? steps\/s · [\dhmins ]+ left/);
    const result = screen.slice(screen.lastIndexOf('\r\u001b[2K') + '\r\u001b[2K'.length);
    expect((JSON.parse(result) as ReportJson).final.step).toBe(50_000_000);
  }, 60_000);

  it('prints no progress into a pipe', () => {
    const result = runCli(LONG);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as ReportJson).final.step).toBe(50_000_000);
  }, 60_000);
});
