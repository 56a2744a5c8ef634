import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.ts';
import {
  allRunsJson,
  ExportRefusedError,
  MAX_EXPORT_STEPS,
  MAX_EXPORT_WORK,
  recomputeWork,
  runExportJson,
  runStepsCsv,
  simCsvCommand,
  stepsExportRefusal,
} from '../../../src/store/export/index.ts';
import { settingsWith } from './runViewFixture.ts';

// b = 1 with a million examples: the step count reaches the row limit long
// before the recomputation does; b = 1000 the other way round.
const ONE_PER_STEP = settingsWith({ n: 1_000_000, b: 1, epochs: 50 });
const BIG_BATCHES = settingsWith({ n: 1_000_000, b: 1000, epochs: 100 });

function named(settings = ONE_PER_STEP, step = 0, name = 'b=1, shuffle=epoch') {
  return { name, settings, step };
}

describe('per-step export limits', () => {
  it('allow exactly MAX_EXPORT_STEPS steps and refuse one more, pointing to the epochs CSV and the CLI', () => {
    expect(stepsExportRefusal([named(ONE_PER_STEP, MAX_EXPORT_STEPS)])).toBeNull();
    const refusal = stepsExportRefusal([named(ONE_PER_STEP, MAX_EXPORT_STEPS + 1)]);
    expect(refusal).toContain('“b=1, shuffle=epoch” is at step 1,000,001');
    expect(refusal).toContain('at most 1,000,000 steps');
    expect(refusal).toContain('epochs CSV');
    expect(refusal).toContain('npm run sim -- --csv --n=1000000 --b=1 --epochs=50');
  });

  it('count only the steps the run has, however far its cursor claims to be', () => {
    const short = settingsWith({ n: 100, b: 1, epochs: 2 });
    expect(stepsExportRefusal([named(short, 10 * MAX_EXPORT_STEPS)])).toBeNull();
  });

  it('refuse recomputing more than MAX_EXPORT_WORK example gradients, even under the row limit', () => {
    const steps = MAX_EXPORT_WORK / BIG_BATCHES.b;
    expect(recomputeWork(BIG_BATCHES, steps)).toBe(MAX_EXPORT_WORK);
    expect(stepsExportRefusal([named(BIG_BATCHES, steps)])).toBeNull();
    const refusal = stepsExportRefusal([named(BIG_BATCHES, steps + 1, 'b=1000')]);
    expect(refusal).toContain(`Exporting “b=1000” means computing its ${(steps + 1).toLocaleString('en-US')} steps again on batches of 1,000 examples`);
    expect(refusal).toContain(`more than an export's limit of ${MAX_EXPORT_WORK.toLocaleString('en-US')}`);
    expect(refusal).toContain('epochs CSV');
  });

  it('apply to the runs of one file together', () => {
    const half = named(ONE_PER_STEP, MAX_EXPORT_STEPS / 2);
    expect(stepsExportRefusal([half, half])).toBeNull();
    const refusal = stepsExportRefusal([half, half, named(ONE_PER_STEP, 1)]);
    expect(refusal).toMatch(/^The 3 runs are at 1,000,001 steps together: one file holds at most 1,000,000 steps/);
    expect(refusal).toContain('epochs CSV');
    const heavy = named(BIG_BATCHES, MAX_EXPORT_WORK / BIG_BATCHES.b / 2 + 1);
    expect(stepsExportRefusal([heavy, heavy])).toMatch(/^Exporting the 2 runs means computing \d\.\de\+\d+ example gradients again/);
  });

  it('refuse a step that is not a whole number ≥ 0', () => {
    for (const step of [-1, 2.5, NaN, Infinity]) {
      expect(stepsExportRefusal([named(ONE_PER_STEP, step)])).toMatch(/^“b=1, shuffle=epoch” cannot be exported: its step \(.+\) is not a whole number ≥ 0\.$/);
    }
  });

  it('make the export functions throw the refusal instead of computing', () => {
    const over = MAX_EXPORT_STEPS + 1;
    expect(() => runExportJson(ONE_PER_STEP, over)).toThrow(ExportRefusedError);
    expect(() => runStepsCsv(ONE_PER_STEP, over)).toThrow(/at most 1,000,000 steps/);
    expect(() => allRunsJson([{ settings: ONE_PER_STEP, step: over }])).toThrow(ExportRefusedError);
    expect(() => runExportJson(ONE_PER_STEP, -3)).toThrow(/not a whole number/);
  });
});

describe('simCsvCommand', () => {
  it('is a command line the CLI reads back as the same settings', () => {
    const settings = settingsWith({ n: 5000, b: 17, shuffle: 'once', drop: true, w0: [-0.5, 3], lr: 0.1 / 3, rho: -0.25, data: 'plane' });
    const command = simCsvCommand(settings);
    expect(command.startsWith('npm run sim -- --csv --n=5000 --b=17 --shuffle=once --drop=1 ')).toBe(true);
    const parsed = parseArgs(command.split(' ').slice(4));
    expect(parsed).toEqual({ kind: 'run', settings, output: 'csv' });
  });
});
