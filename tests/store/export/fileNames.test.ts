import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXPORT_KINDS, fileStem, runFileName, runsJsonFileName } from '../../../src/store/export/index.ts';
import { runNames } from '../../../src/store/runNames.ts';
import { settingsWith } from './runViewFixture.ts';

const SAFE_FILE_NAME = /^epoch-lab_[A-Za-z0-9=._-]+\.(json|csv)$/;

describe('export file names', () => {
  it('name the run by its settings, as the page names it', () => {
    expect(runFileName('json', 'b=32, shuffle=epoch')).toBe('epoch-lab_b=32_shuffle=epoch.json');
    expect(runFileName('steps-csv', 'b=32, shuffle=epoch')).toBe('epoch-lab_b=32_shuffle=epoch_steps.csv');
    expect(runFileName('epochs-csv', 'b=32, shuffle=epoch')).toBe('epoch-lab_b=32_shuffle=epoch_epochs.csv');
    expect(runFileName('json', 'w0=-1.5,2 (2)')).toBe('epoch-lab_w0=-1.5_2_2.json');
    expect(runFileName('json', 'lr=0.03, mom=0.9, k=4 +2 more')).toBe('epoch-lab_lr=0.03_mom=0.9_k=4_2_more.json');
    expect(runsJsonFileName(3)).toBe('epoch-lab_3-runs.json');
  });

  it('keep the distinct names the page gives runs distinct', () => {
    const names = runNames([settingsWith({ b: 1 }), settingsWith({ b: 10 }), settingsWith({ b: 10 }), settingsWith({ w0: [-1, 2] })]);
    const files = names.map((name) => runFileName('steps-csv', name));
    expect(new Set(files).size).toBe(names.length);
  });

  it('use only safe characters, stay short and never start with a dot, whatever the run is called', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...EXPORT_KINDS), (name, kind) => {
        const file = runFileName(kind, name);
        expect(file).toMatch(SAFE_FILE_NAME);
        expect(file.length).toBeLessThanOrEqual(120);
        expect(fileStem(name)).not.toMatch(/^[._-]|[._-]$/);
      }),
    );
    expect(fileStem('../../etc/passwd')).toBe('etc_passwd');
    expect(fileStem('')).toBe('run');
    expect(fileStem('\u202e\u0000 ')).toBe('run');
  });
});
