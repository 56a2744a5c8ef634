import { describe, expect, it } from 'vitest';
import { CSV_HEADER, MAX_TABLE_ROWS, csvRows, readable, reportJson, summaryText, tableRowIndices } from '../../src/cli/format.ts';
import { simulate } from '../../src/cli/simulate.ts';
import { DEFAULT_SETTINGS, STEP_COLUMNS, createStepRecords, createTrainer } from '../../src/core/index.ts';
import type { Settings, StepRecords } from '../../src/core/index.ts';

function settingsWith(changes: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...changes };
}

async function reportOf(changes: Partial<Settings>) {
  return simulate(createTrainer(settingsWith(changes)));
}

/** Every step of a run in one buffer, straight from the engine. */
function allSteps(settings: Settings): StepRecords {
  const trainer = createTrainer(settings);
  const steps = createStepRecords(trainer.schedule.totalSteps);
  trainer.advance(Infinity, steps, null);
  return steps;
}

describe('reportJson', () => {
  it('describes the run in the documented shape and order', async () => {
    const settings = settingsWith({ n: 23, b: 5, epochs: 4, shuffle: 'once' });
    const json = reportJson(await simulate(createTrainer(settings)));
    expect(Object.keys(json)).toEqual([
      'settings',
      'stepsPerEpoch',
      'lastBatchSize',
      'totalSteps',
      'optimum',
      'optimumLoss',
      'maxStableLr',
      'epochs',
      'final',
      'status',
    ]);
    expect(json.settings).toEqual(settings);
    expect(json.stepsPerEpoch).toBe(Math.ceil(23 / 5));
    expect(json.lastBatchSize).toBe(3);
    expect(json.totalSteps).toBe(4 * Math.ceil(23 / 5));
    expect(json.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(json.epochs.map((e) => e.step)).toEqual([5, 10, 15, 20]);
    const last = json.epochs[json.epochs.length - 1];
    expect(json.final).toEqual({ step: last.step, w: last.w, loss: last.loss });
    expect(json.status).toBe('done');
    // The run learns: the loss falls towards the optimum's, never below it.
    expect(last.loss).toBeLessThan(json.epochs[0].loss);
    expect(last.loss).toBeGreaterThanOrEqual(json.optimumLoss);
  });

  it('adds the best product for the deep model', async () => {
    const json = reportJson(await reportOf({ model: 'deep', epochs: 2 }));
    expect(json.optimumProduct).toBeCloseTo(json.optimum[0] * json.optimum[1], 12);
    expect(json.optimumMessage).toBeUndefined();
    expect(reportJson(await reportOf({ epochs: 2 })).optimumProduct).toBeUndefined();
  });

  it('explains a singular optimum', async () => {
    const json = reportJson(await reportOf({ n: 1, b: 1, epochs: 1 }));
    expect(json.optimumMessage).toMatch(/singular/);
  });

  it('reports divergence with its message, and survives JSON round-trip', async () => {
    const json = reportJson(await reportOf({ lr: 5 }));
    expect(json.status).toBe('diverged');
    expect(json.message).toMatch(/^Diverged at step \d+/);
    expect(json.final.step).toBeLessThan(json.totalSteps);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('csvRows', () => {
  it('prints every step exactly: each number reads back to the same double', () => {
    const steps = allSteps(settingsWith({ n: 30, b: 4, epochs: 3, mom: 0.5 }));
    const lines = (CSV_HEADER + csvRows(steps)).trimEnd().split('\n');
    expect(lines[0]).toBe(STEP_COLUMNS.join(','));
    expect(lines.length).toBe(steps.length + 1);
    lines.slice(1).forEach((line, row) => {
      const cells = line.split(',').map(Number);
      STEP_COLUMNS.forEach((column, c) => expect(Object.is(cells[c], steps[column][row]), `${column} of row ${row}`).toBe(true));
    });
  });
});

describe('simulate', () => {
  it('streams steps in chunks of a reused buffer that add up to the whole run', async () => {
    const settings = settingsWith({ n: 1000, b: 3, epochs: 15 });
    const whole = allSteps(settings);
    const streamed: string[] = [];
    let chunks = 0;
    await simulate(createTrainer(settings), (steps) => {
      chunks++;
      streamed.push(csvRows(steps));
      return true;
    });
    expect(chunks).toBeGreaterThan(1);
    expect(streamed.join('')).toBe(csvRows(whole));
  });

  it('stops when the reader goes away', async () => {
    let chunks = 0;
    const report = await simulate(createTrainer(settingsWith({ n: 1000, b: 1, epochs: 100 })), () => {
      chunks++;
      return false;
    });
    expect(chunks).toBe(1);
    expect(report.final.step).toBeLessThan(report.schedule.totalSteps);
  });
});

describe('summaryText', () => {
  it('states the schedule, the optimum, the stable rate and one row per epoch', async () => {
    const report = await reportOf({ n: 10000, b: 32, epochs: 5, seed: 7 });
    const text = summaryText(report);
    expect(text).toContain('Steps per epoch: 313 (313 batches: 312 of 32 and a last batch of 16)');
    expect(text).toContain(`Optimum: w = (${readable(report.optimum.w[0])}, ${readable(report.optimum.w[1])}), loss ${readable(report.optimum.loss)}`);
    expect(text).toContain(`Largest stable learning rate: ${readable(report.maxStableLr)}`);
    for (let i = 0; i < 5; i++) {
      expect(text).toMatch(new RegExp(`^ +${i + 1} +${report.epochs.step[i]} +${readable(report.epochs.loss[i]).replace('.', '\\.')} `, 'm'));
    }
    expect(text).toContain(`Final: step 1565,`);
  });

  it('labels the stable rate as plain SGD\'s under adam and rmsprop', async () => {
    const sgd = await reportOf({ n: 40, epochs: 2, mom: 0.5 });
    expect(summaryText(sgd)).toContain(`Largest stable learning rate with momentum 0.5: ${readable(sgd.maxStableLr)} (lr 0.03 is`);
    for (const optimizer of ['adam', 'rmsprop'] as const) {
      const report = await reportOf({ n: 40, epochs: 2, mom: 0.5, optimizer });
      // Plain SGD's rate: the momentum of the run does not enter it.
      expect(report.maxStableLr).toBeCloseTo(sgd.maxStableLr / 1.5, 12);
      expect(summaryText(report)).toContain(`Largest stable learning rate of plain SGD: ${readable(report.maxStableLr)} (it does not bound the steps of ${optimizer})`);
    }
  });

  it('describes drop-last, k steps per batch and the deep valley', async () => {
    const text = summaryText(await reportOf({ n: 23, b: 5, drop: true, k: 3, model: 'deep', epochs: 2 }));
    expect(text).toContain('Steps per epoch: 12 (4 batches × 3 steps on each: all of 5; the last 3 examples of each epoch are dropped)');
    expect(text).toMatch(/Optimum: any w with w1·w2 = /);
  });

  it('says where an init=random run starts, and only then', async () => {
    const report = await reportOf({ n: 20, epochs: 1, seed: 4, init: 'random' });
    const trainer = createTrainer(report.settings);
    expect(summaryText(report)).toContain(`Start: w = (${readable(trainer.w1)}, ${readable(trainer.w2)}), drawn by init=random uniformly from [−3, 3]² (w0 unused)`);
    expect(summaryText(await reportOf({ n: 20, epochs: 1 }))).not.toContain('Start:');
  });

  it('says a single dropped example in the singular', async () => {
    const text = summaryText(await reportOf({ n: 21, b: 5, drop: true, epochs: 1 }));
    expect(text).toContain('Steps per epoch: 4 (4 batches: all of 5; the last example of each epoch is dropped)');
  });

  it('thins long tables but keeps the first and last epoch', async () => {
    const report = await reportOf({ n: 20, b: 20, epochs: 500 });
    const text = summaryText(report);
    expect(text).toContain(`(21 of 500 epochs shown; --json or --csv give them all)`);
    expect(text).toMatch(/^ +1 +1 /m);
    expect(text).toMatch(/^ +500 +500 /m);
  });

  it('says when no epoch completed before divergence', async () => {
    const text = summaryText(await reportOf({ lr: 5 }));
    expect(text).toContain('No epoch was completed.');
    expect(text).toMatch(/Diverged at step \d+: w = /);
  });
});

describe('tableRowIndices', () => {
  it('shows every row of a short table', () => {
    expect(tableRowIndices(MAX_TABLE_ROWS)).toEqual(Array.from({ length: MAX_TABLE_ROWS }, (_, i) => i));
  });

  it('picks increasing rows including both ends from a long table', () => {
    const rows = tableRowIndices(100_000);
    expect(rows[0]).toBe(0);
    expect(rows[rows.length - 1]).toBe(99_999);
    expect(rows.length).toBeLessThanOrEqual(MAX_TABLE_ROWS);
    for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1]);
  });
});

describe('readable', () => {
  it('keeps six significant digits and switches to exponents at the extremes', () => {
    expect(readable(0.0893182345)).toBe('0.0893182');
    expect(readable(1234567)).toBe('1.2346e+6');
    expect(readable(0.00001234)).toBe('1.2340e-5');
    expect(readable(0)).toBe('0');
    expect(readable(NaN)).toBe('NaN');
  });
});
