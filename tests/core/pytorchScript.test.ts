import { describe, expect, it } from 'vitest';
import { MAX_EMBEDDED_EXAMPLES, pytorchScript } from '../../src/core/pytorchScript.ts';
import { DEFAULT_SETTINGS, SHUFFLE_MODES, createEpochRecords, createTrainer, generateData, optimum, sufficientStats } from '../../src/core/index.ts';
import type { EpochRecords, Settings } from '../../src/core/index.ts';
import { RUN_TORCH_TESTS, parseEpochLines, relativeError, runScriptAlone, runScripts, warnIfSkipped } from './torchPython.ts';
import type { EpochLine } from './torchPython.ts';

function settingsWith(changes: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...changes };
}

function scriptFor(settings: Settings): string {
  return pytorchScript(settings, generateData(settings));
}

/** The numbers of a `name = torch.tensor([...])` literal in a script. */
function tensorValues(script: string, name: string): number[] {
  const match = new RegExp(`^${name} = torch\\.tensor\\(\\[\\n([^\\]]*)\\]\\)`, 'm').exec(script);
  if (!match) throw new Error(`no tensor literal ${name}`);
  return match[1].split(/[,\s]+/).filter(Boolean).map(Number);
}

function engineEpochs(settings: Settings): EpochRecords {
  const trainer = createTrainer(settings);
  const epochs = createEpochRecords(settings.epochs);
  trainer.advance(Infinity, null, epochs);
  expect(trainer.status, 'the engine run should finish').toBe('done');
  return epochs;
}

const TOLERANCE = 1e-9;

function expectSameEpochs(printed: EpochLine[], epochs: EpochRecords, count = epochs.length): void {
  expect(printed.length).toBeGreaterThanOrEqual(count);
  for (let i = 0; i < count; i++) {
    const line = printed[i];
    expect(line.epoch).toBe(epochs.epoch[i]);
    expect(relativeError(line.loss, epochs.loss[i]), `loss of epoch ${i + 1}`).toBeLessThan(TOLERANCE);
    expect(relativeError(line.w1, epochs.w1[i]), `w1 of epoch ${i + 1}`).toBeLessThan(TOLERANCE);
    expect(relativeError(line.w2, epochs.w2[i]), `w2 of epoch ${i + 1}`).toBeLessThan(TOLERANCE);
    // Without a validation set the engine's valLoss is NaN and the script prints no val_loss.
    const valLoss = epochs.valLoss?.[i] ?? NaN;
    if (Number.isNaN(valLoss)) expect(line.valLoss, `val_loss of epoch ${i + 1}`).toBeUndefined();
    else expect(relativeError(line.valLoss ?? NaN, valLoss), `val_loss of epoch ${i + 1}`).toBeLessThan(TOLERANCE);
  }
}

describe('pytorchScript (text)', () => {
  it('embeds the data exactly: every literal reads back to the same double', () => {
    for (const settings of [settingsWith({ n: 37, data: 'plane', rho: 0.6 }), settingsWith({ n: 37, model: 'deep' })]) {
      const data = generateData(settings);
      const script = pytorchScript(settings, data);
      const deep = settings.model === 'deep';
      const columns: [string, Float64Array][] = deep
        ? [['x', data.x1], ['y', data.y]]
        : [['x1', data.x1], ['x2', data.x2], ['y', data.y]];
      for (const [name, column] of columns) {
        const values = tensorValues(script, name);
        expect(values.length).toBe(37);
        values.forEach((v, i) => expect(Object.is(v, column[i]), `${name}[${i}]`).toBe(true));
      }
    }
  });

  it('sets float64, the seed, the initial weights and the optimiser from the settings', () => {
    const script = scriptFor(settingsWith({ n: 20, seed: 123, w0: [3, -0.25], lr: 0.07, mom: 0.9, decay: 0.5 }));
    expect(script).toContain('torch.set_default_dtype(torch.float64)');
    expect(script).toContain('torch.manual_seed(123)');
    expect(script).toContain('model = LinearModel(3.0, -0.25)');
    expect(script).toContain('torch.optim.SGD(model.parameters(), lr=0.07, momentum=0.9)');
    expect(script).toContain('LambdaLR(optimizer, lambda e: 1 / (1 + 0.5 * e))');
    expect(script).toContain('scheduler.step()');
  });

  it('init=random: starts at exactly the weights Epoch Lab drew, not at w0', () => {
    const settings = settingsWith({ n: 20, seed: 5, w0: [3, -0.25], init: 'random' });
    const script = scriptFor(settings);
    const trainer = createTrainer(settings);
    const [w1, w2] = [trainer.w1, trainer.w2];
    expect(script).not.toContain('LinearModel(3.0, -0.25)');
    const match = /model = LinearModel\(([^,]+), ([^)]+)\) {2}# the initial weights, Epoch Lab's random draw \(init=random\) from seed 5/.exec(script);
    expect(match).not.toBeNull();
    expect([Number(match![1]), Number(match![2])]).toEqual([w1, w2]);
  });

  it('leaves out what the settings do not use', () => {
    const script = scriptFor(settingsWith({ n: 20, mom: 0, decay: 0, k: 1, restart: false }));
    expect(script).not.toContain('momentum=');
    expect(script).not.toContain('scheduler');
    expect(script).not.toContain('for _ in range');
    expect(script).not.toContain('uniform_');
  });

  it('uses the data loader each shuffle mode needs', () => {
    const expected: Record<(typeof SHUFFLE_MODES)[number], string> = {
      none: 'DataLoader(dataset, batch_size=4, shuffle=False, drop_last=True)',
      once: 'DataLoader(Subset(dataset, fixed_order), batch_size=4, shuffle=False, drop_last=True)',
      epoch: 'DataLoader(dataset, batch_size=4, shuffle=True, drop_last=True)',
      batches: 'DataLoader(dataset, batch_sampler=ShuffledFixedBatches(10, 4, drop_last=True))',
      replacement: 'DataLoader(dataset, batch_size=4, sampler=sampler, drop_last=True)',
    };
    for (const shuffle of SHUFFLE_MODES) {
      expect(scriptFor(settingsWith({ n: 10, b: 4, drop: true, shuffle })), shuffle).toContain(expected[shuffle]);
    }
  });

  it('draws large data sets in the script instead of embedding them, and says so', () => {
    const settings = settingsWith({ n: MAX_EMBEDDED_EXAMPLES + 1 });
    const script = scriptFor(settings);
    expect(script).not.toMatch(/= torch\.tensor\(\[/);
    expect(script).toContain(`torch.randn(${MAX_EMBEDDED_EXAMPLES + 1})`);
    expect(script).toMatch(/the data are new draws from the same distribution/);
    expect(scriptFor(settingsWith({ n: MAX_EMBEDDED_EXAMPLES }))).toMatch(/^x1 = torch\.tensor\(\[/m);
  });

  it('counts its examples in its header, in the singular for one', () => {
    expect(scriptFor(settingsWith({ n: 1, b: 1 }))).toContain('# 1 example, mini-batches of 1,');
    expect(scriptFor(settingsWith({ n: 7, b: 3 }))).toContain('# 7 examples, mini-batches of 3,');
  });

  it('refuses a data set that does not belong to the settings', () => {
    expect(() => pytorchScript(settingsWith({ n: 20 }), generateData(settingsWith({ n: 21 })))).toThrow(/21 examples/);
  });
});

// The scripts, run by real PyTorch. One Python process runs them all (importing
// torch is the slow part); one more runs a script on its own, as a user would.
warnIfSkipped('PyTorch script tests');

describe.runIf(RUN_TORCH_TESTS)('pytorchScript run by PyTorch', () => {
  const planeK3: Partial<Settings> = { n: 23, b: 5, shuffle: 'none', data: 'plane', rho: 0.7, mom: 0.8, decay: 0.5, k: 3, drop: true };
  /** shuffle=none: PyTorch must print Epoch Lab's numbers. */
  const exact: Record<string, Settings> = {
    'linear, line data, short last batch': settingsWith({ n: 23, b: 5, shuffle: 'none', epochs: 4 }),
    'linear, plane data, momentum, decay, k = 3, drop-last': settingsWith({
      n: 23,
      b: 5,
      shuffle: 'none',
      data: 'plane',
      rho: 0.7,
      mom: 0.8,
      decay: 0.5,
      k: 3,
      drop: true,
      epochs: 4,
    }),
    'deep model': settingsWith({ n: 30, b: 7, shuffle: 'none', model: 'deep', epochs: 5 }),
    'validation set, line data': settingsWith({ n: 23, b: 5, shuffle: 'none', epochs: 6, val: 0.5 }),
    'validation set, plane data, momentum': settingsWith({ n: 40, b: 6, shuffle: 'none', data: 'plane', rho: 0.6, mom: 0.7, epochs: 5, val: 0.2 }),
    'validation set, deep model, k = 2': settingsWith({ n: 30, b: 7, shuffle: 'none', model: 'deep', w0: [0.5, 0.25], k: 2, epochs: 5, val: 0.3 }),
    'deep model, momentum, decay, k = 2, drop-last': settingsWith({
      n: 30,
      b: 7,
      shuffle: 'none',
      model: 'deep',
      w0: [0.5, 0.25],
      mom: 0.5,
      decay: 0.2,
      k: 2,
      drop: true,
      epochs: 5,
    }),
    // Adam and RMSprop: PyTorch's own update rules, so the same numbers over every epoch.
    'adam, line data, short last batch': settingsWith({ n: 23, b: 5, shuffle: 'none', optimizer: 'adam', lr: 0.05, epochs: 8 }),
    'adam, plane data, decay, k = 3, drop-last': settingsWith({ ...planeK3, optimizer: 'adam', lr: 0.02, epochs: 6 }),
    'adam, deep model, k = 2': settingsWith({ n: 30, b: 7, shuffle: 'none', model: 'deep', w0: [0.5, 0.25], optimizer: 'adam', k: 2, lr: 0.02, epochs: 6 }),
    'adam, 400 steps at the default settings': settingsWith({ shuffle: 'none', optimizer: 'adam', epochs: 40 }),
    'rmsprop, line data': settingsWith({ n: 23, b: 5, shuffle: 'none', optimizer: 'rmsprop', lr: 0.01, epochs: 8 }),
    'rmsprop with momentum, plane data, decay, k = 3, drop-last': settingsWith({ ...planeK3, optimizer: 'rmsprop', lr: 0.005, epochs: 6 }),
    'rmsprop, deep model, k = 2': settingsWith({ n: 30, b: 7, shuffle: 'none', model: 'deep', w0: [0.5, 0.25], optimizer: 'rmsprop', k: 2, lr: 0.005, epochs: 6 }),
    'rmsprop with momentum, deep model': settingsWith({ n: 30, b: 7, shuffle: 'none', model: 'deep', w0: [0.5, 0.25], optimizer: 'rmsprop', mom: 0.5, lr: 0.005, epochs: 6 }),
    // With one batch per epoch the order inside it cannot matter, so even the
    // random modes must agree with Epoch Lab.
    'shuffle once, one batch per epoch': settingsWith({ n: 25, b: 25, shuffle: 'once', epochs: 3, lr: 0.1 }),
    'shuffle epoch, one batch per epoch, k = 2': settingsWith({ n: 25, b: 25, shuffle: 'epoch', k: 2, epochs: 3, lr: 0.1 }),
    'shuffle batches, one batch per epoch, momentum': settingsWith({ n: 25, b: 25, shuffle: 'batches', mom: 0.6, epochs: 3, lr: 0.1 }),
  };
  /** Random order: the same experiment, so it learns alike, but not the same numbers. */
  const alike: Record<string, Settings> = Object.fromEntries(
    (['once', 'epoch', 'batches', 'replacement'] as const).map((shuffle) => [
      `shuffle ${shuffle}`,
      settingsWith({ n: 40, b: 7, shuffle, epochs: 30, lr: 0.05, drop: shuffle === 'replacement' }),
    ]),
  );
  const restarts: Record<string, Settings> = {
    restart: settingsWith({ n: 20, b: 6, shuffle: 'none', restart: true, mom: 0.5, epochs: 3 }),
    'adam restart': settingsWith({ n: 20, b: 6, shuffle: 'none', restart: true, optimizer: 'adam', epochs: 3 }),
  };
  /** More examples than are embedded: drawn by the script from the same distribution. */
  const generated: Record<string, Settings> = {
    'large line data': settingsWith({ n: 12_000, b: 400, shuffle: 'epoch', epochs: 3, lr: 0.1, seed: 3 }),
    'large plane data': settingsWith({ n: 12_000, b: 400, shuffle: 'epoch', epochs: 3, lr: 0.1, seed: 3, data: 'plane', rho: 0.5 }),
    'large data, deep model': settingsWith({ n: 12_000, b: 400, shuffle: 'epoch', epochs: 3, lr: 0.05, seed: 3, model: 'deep', w0: [0.5, 0.5] }),
    'large line data with a validation set': settingsWith({ n: 12_000, b: 400, shuffle: 'epoch', epochs: 3, lr: 0.1, seed: 3, val: 0.25 }),
  };

  const cases: [string, Settings][] = [
    ...Object.entries(exact),
    ...Object.entries(alike),
    ...Object.entries(restarts),
    ...Object.entries(generated),
  ];
  const results = new Map<string, EpochLine[]>();
  it('names every case once', () => {
    expect(new Set(cases.map(([name]) => name)).size).toBe(cases.length);
  });

  it('every script runs to the end and prints one exact epoch line per epoch', () => {
    const outputs = runScripts(cases.map(([, settings]) => scriptFor(settings)));
    cases.forEach(([name, settings], i) => {
      const output = outputs[i];
      expect(output.error, name).toBeUndefined();
      expect(output.ok, name).toBe(true);
      const lines = parseEpochLines(output.stdout);
      expect(lines.map((l) => l.epoch), name).toEqual(Array.from({ length: settings.epochs }, (_, e) => e + 1));
      results.set(name, lines);
    });
  });

  for (const [name, settings] of Object.entries(exact)) {
    it(`prints Epoch Lab's per-epoch numbers: ${name}`, () => {
      expectSameEpochs(results.get(name) ?? [], engineEpochs(settings));
    });
  }

  for (const [name, settings] of Object.entries(alike)) {
    it(`learns as Epoch Lab does with its own random order: ${name}`, () => {
      const printed = results.get(name) ?? [];
      const epochs = engineEpochs(settings);
      const best = optimum(sufficientStats(generateData(settings)), settings.model).loss;
      // The first epoch starts from the same weights with the same rate, so it gets about as far.
      expect(Math.abs(printed[0].loss / epochs.loss[0] - 1)).toBeLessThan(0.25);
      // By the end both have settled near the optimum of the same data.
      const final = printed[printed.length - 1].loss;
      expect(final).toBeGreaterThanOrEqual(best);
      expect(final).toBeLessThan(best * 1.1);
    });
  }

  for (const [name, settings] of Object.entries(restarts)) {
    it(`${name}: the first epoch is Epoch Lab's; later epochs start from PyTorch's random weights`, () => {
      const printed = results.get(name) ?? [];
      const epochs = engineEpochs(settings);
      expectSameEpochs(printed, epochs, 1);
      // Epoch 2 restarted somewhere else, so it does not continue from epoch 1 as Epoch Lab's does.
      expect(relativeError(printed[1].w1, epochs.w1[1])).toBeGreaterThan(1e-3);
    });
  }

  for (const [name, settings] of Object.entries(generated)) {
    it(`draws large data from Epoch Lab's distribution: ${name}`, () => {
      const printed = results.get(name) ?? [];
      const best = optimum(sufficientStats(generateData(settings)), settings.model);
      const last = printed[printed.length - 1];
      // Other draws of the same distribution: the best loss (the noise variance) and the best
      // weights agree to within sampling error of 12,000 examples.
      expect(Math.abs(last.loss / best.loss - 1)).toBeLessThan(0.05);
      // A validation set of 3,000 other draws: its loss near the same noise floor.
      if (settings.val > 0) expect(Math.abs((last.valLoss ?? NaN) / best.loss - 1)).toBeLessThan(0.1);
      else expect(last.valLoss).toBeUndefined();
      if (settings.model === 'deep') {
        expect(last.w1 * last.w2).toBeCloseTo(best.product ?? NaN, 1);
      } else {
        expect(last.w1).toBeCloseTo(best.w[0], 1);
        expect(last.w2).toBeCloseTo(best.w[1], 1);
      }
    });
  }

  it('runs on its own as `python3 script.py` with exit status 0', () => {
    const settings = exact['linear, line data, short last batch'];
    const result = runScriptAlone(scriptFor(settings));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectSameEpochs(parseEpochLines(result.stdout), engineEpochs(settings));
  });
});
