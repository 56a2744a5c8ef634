// `npm run sim -- … --pytorch`: the script the CLI prints is the one the page
// copies, and PyTorch running it reproduces the CLI's own numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';
import { parseArgs } from '../../src/cli/args.ts';
import type { ReportJson } from '../../src/cli/format.ts';
import { pytorchScript } from '../../src/core/pytorchScript.ts';
import { DEFAULT_SETTINGS, generateData } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/index.ts';
import { RUN_TORCH_TESTS, parseEpochLines, relativeError, runScriptAlone, warnIfSkipped } from '../core/torchPython.ts';

const FLAGS = ['--n', '31', '--b', '4', '--shuffle', 'none', '--model', 'deep', '--w0=0.3,0.6', '--mom', '0.7', '--k', '2', '--drop', '--epochs', '6'];
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, n: 31, b: 4, shuffle: 'none', model: 'deep', w0: [0.3, 0.6], mom: 0.7, k: 2, drop: true, epochs: 6 };

describe('npm run sim -- --pytorch', () => {
  let cli: ReturnType<typeof runCli>;
  beforeAll(() => {
    cli = runCli([...FLAGS, '--pytorch']);
  });

  it('prints the script of the page\'s "Copy as PyTorch"', () => {
    expect(cli.status).toBe(0);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toBe(pytorchScript(SETTINGS, generateData(SETTINGS)));
  });

  it('names the command line that repeats the run, and that command line gives the same settings', () => {
    const settings: Settings = { ...SETTINGS, restart: true, data: 'line', noise: 0.1, seed: 99 };
    const line = /^# Same run in Epoch Lab: npm run sim -- (.*)$/m.exec(pytorchScript(settings, generateData(settings)));
    expect(line).not.toBeNull();
    const command = parseArgs((line?.[1] ?? '').split(' '));
    expect(command).toEqual({ kind: 'run', settings, output: 'summary' });
  });

  warnIfSkipped('CLI --pytorch run by PyTorch');
  describe.runIf(RUN_TORCH_TESTS)('run by PyTorch', () => {
    const runs: [string, readonly string[]][] = [
      ['sgd with momentum', FLAGS],
      ['--optimizer adam', [...FLAGS, '--optimizer', 'adam', '--lr', '0.02']],
      ['--optimizer rmsprop with --mom', [...FLAGS, '--optimizer', 'rmsprop', '--lr', '0.002']],
      ['--optimizer rmsprop without momentum', [...FLAGS.slice(0, FLAGS.indexOf('--mom')), ...FLAGS.slice(FLAGS.indexOf('--mom') + 2), '--optimizer', 'rmsprop', '--lr', '0.005']],
    ];
    it.each(runs)('prints the numbers of the same run with --json: %s', (_, flags) => {
      const script = flags === FLAGS ? cli.stdout : runCli([...flags, '--pytorch']).stdout;
      expect(script).toMatch(/^optimizer = torch\.optim\./m);
      const python = runScriptAlone(script);
      expect(python.stderr).toBe('');
      expect(python.status).toBe(0);
      const printed = parseEpochLines(python.stdout);
      const json = JSON.parse(runCli([...flags, '--json']).stdout) as ReportJson;
      expect(json.status).toBe('done');
      expect(printed.length).toBe(json.epochs.length);
      json.epochs.forEach((row, i) => {
        expect(printed[i].epoch).toBe(row.epoch);
        expect(relativeError(printed[i].loss, row.loss)).toBeLessThan(1e-9);
        expect(relativeError(printed[i].w1, row.w[0])).toBeLessThan(1e-9);
        expect(relativeError(printed[i].w2, row.w[1])).toBeLessThan(1e-9);
      });
    });
  });
});
