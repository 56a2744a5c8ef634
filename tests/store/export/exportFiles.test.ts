import { describe, expect, it } from 'vitest';
import { exportFiles, exportRefusal, MAX_EXPORT_STEPS, runExportJson } from '../../../src/store/export/index.ts';
import { runAt } from './runViewFixture.ts';

describe('exportFiles', () => {
  const a = runAt({ b: 1 }, 250, 'b=1');
  const b = runAt({ b: 100, shuffle: 'none' }, 3, 'b=100');
  const hidden = runAt({ b: 7 }, 40, 'b=7', false);

  it('JSON: one file, an array of every visible run at its cursor, recomputed rather than read from the page', () => {
    const { files, refusal } = exportFiles('json', [a, hidden, b]);
    expect(refusal).toBeNull();
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe('epoch-lab_2-runs.json');
    expect(files[0].type).toBe('application/json');
    const runs = JSON.parse(files[0].text) as { steps: { step: number[] } }[];
    expect(runs).toEqual([a, b].map((run) => JSON.parse(runExportJson(run.settings, run.cursor.step))));
    // The fixture's step series are empty: every step here came from recomputing the run, after the row of step 0.
    expect(runs.map((run) => run.steps.step.length)).toEqual([251, 4]);
  });

  it('JSON of one run: still an array, named after the run', () => {
    const { files } = exportFiles('json', [a]);
    expect(files.map((file) => file.name)).toEqual(['epoch-lab_b=1.json']);
    expect(JSON.parse(files[0].text)).toHaveLength(1);
  });

  it('steps and epochs CSV: one file per visible run, named after it', () => {
    const steps = exportFiles('steps-csv', [a, hidden, b]);
    expect(steps.files.map((file) => [file.name, file.type])).toEqual([
      ['epoch-lab_b=1_steps.csv', 'text/csv'],
      ['epoch-lab_b=100_steps.csv', 'text/csv'],
    ]);
    // The row of step 0, then one per step.
    expect(steps.files.map((file) => file.text.trimEnd().split('\n').length - 2)).toEqual([251, 4]);
    const epochs = exportFiles('epochs-csv', [a, hidden, b]);
    expect(epochs.files.map((file) => file.name)).toEqual(['epoch-lab_b=1_epochs.csv', 'epoch-lab_b=100_epochs.csv']);
    // b = 1: 100 steps per epoch, so 250 steps complete 2 epochs; b = n = 100: every step ends an epoch.
    expect(epochs.files.map((file) => file.text.trimEnd().split('\n').length - 2)).toEqual([2, 3]);
  });

  it('epochs CSV: only the epochs up to the cursor, though the page’s epoch log may already hold more', () => {
    const ahead = runAt({ b: 1 }, 450, 'b=1');
    const behind = { ...ahead, cursor: a.cursor };
    const [file] = exportFiles('epochs-csv', [behind]).files;
    expect(file.text).toBe(exportFiles('epochs-csv', [a]).files[0].text);
    expect(file.text.trimEnd().split('\n')).toHaveLength(2 + 2);
  });

  it('never lets one download replace another', () => {
    const twin = { ...a, id: 'twin' };
    expect(exportFiles('epochs-csv', [a, twin]).files.map((file) => file.name)).toEqual(['epoch-lab_b=1_epochs.csv', 'epoch-lab_b=1_epochs_2.csv']);
  });

  it('refuses with a reason, producing nothing, when no run is shown', () => {
    for (const kind of ['json', 'steps-csv', 'epochs-csv'] as const) {
      expect(exportFiles(kind, [hidden])).toEqual({ files: [], refusal: expect.stringMatching(/^No run is shown/) });
      expect(exportFiles(kind, [])).toEqual({ files: [], refusal: expect.stringMatching(/^No run is shown/) });
    }
  });

  it('refuses per-step exports of a run past the limit, all or nothing, but always gives the epochs', () => {
    // A run whose cursor is past the limit; its epoch records are what the page keeps.
    const long = { ...runAt({ n: 1_000_000, b: 1, epochs: 3 }, 0, 'b=1, n=1000000'), cursor: { ...a.cursor, step: MAX_EXPORT_STEPS + 1 } };
    for (const kind of ['json', 'steps-csv'] as const) {
      const result = exportFiles(kind, [a, long]);
      expect(result.files).toEqual([]);
      expect(result.refusal).toMatch(/epochs CSV/);
      expect(exportRefusal(kind, [a, long])).toBe(result.refusal);
    }
    expect(exportFiles('steps-csv', [a, long]).refusal).toMatch(/Nothing was exported; hide this run to export the others\.\)$/);
    expect(exportFiles('steps-csv', [a, { ...long, visible: false }]).files).toHaveLength(1);
    expect(exportRefusal('epochs-csv', [a, long])).toBeNull();
    expect(exportFiles('epochs-csv', [a, long]).files).toHaveLength(2);
  });
});
