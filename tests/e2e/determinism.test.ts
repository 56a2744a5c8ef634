// A shared link must reproduce a run bit for bit in every engine: the page (its
// worker for the status line, its main thread for the export) must compute the
// same doubles as the engine in Node. Each engine's export is compared
// byte for byte with Node's, so the three engines agree with each other too.
import { expect, it } from 'vitest';
import { createTrainer, DEFAULT_SETTINGS, settingsToEntries, type Settings } from '../../src/core/index.ts';
import { allRunsJson } from '../../src/store/export/index.ts';
import { describeInEngines } from './engineSuite.ts';
import { exportJson, statusValue, stepEpochs } from './appTab.ts';

/** Varied settings of both models: data kinds, correlations, noise, batch layouts, shuffles, optimizers, momentum, decay, restarts. */
const CASES: Partial<Settings>[] = [
  {},
  { data: 'plane', rho: 0.8, b: 7, shuffle: 'batches', mom: 0.9, lr: 0.01 },
  { n: 333, b: 20, drop: true, k: 3, restart: true, shuffle: 'once', w0: [0.25, -0.75] },
  { init: 'random', restart: true, seed: 77, b: 9 },
  { data: 'plane', rho: -0.95, noise: 2.5, n: 57, b: 57, lr: 0.2, seed: 123_456 },
  { n: 40, b: 3, shuffle: 'replacement', decay: 0.3, mom: 0.5, seed: 99, noise: 0 },
  { data: 'plane', rho: 0.3, n: 250, b: 16, lr: 0.9, seed: 7 },
  { model: 'deep', shuffle: 'replacement', decay: 0.5, noise: 1.3, seed: 4_000_000_000 },
  { model: 'deep', w0: [2.5, -0.5], n: 80, b: 9, lr: 0.05, seed: 31 },
  { model: 'deep', w0: [-2.5, -2], mom: 0.7, n: 90, b: 13, seed: 5 },
  { model: 'deep', w0: [0.3, -2.5], n: 64, b: 64, lr: 0.02, noise: 0.05, seed: 2 },
  { model: 'deep', n: 120, b: 11, k: 2, restart: true, shuffle: 'none', seed: 17 },
  { model: 'deep', noise: 4, n: 31, b: 4, drop: true, lr: 0.001, decay: 2, seed: 65_535 },
  { optimizer: 'adam', data: 'plane', rho: 0.6, b: 7, lr: 0.05, decay: 0.2, seed: 12 },
  { optimizer: 'rmsprop', model: 'deep', w0: [0.5, 0.5], mom: 0.6, n: 50, b: 6, lr: 0.01, restart: true, seed: 8 },
  { optimizer: 'rmsprop', shuffle: 'replacement', k: 2, lr: 0.02, seed: 3 },
];

function linkOf(settings: Settings): string {
  return '?' + settingsToEntries(settings).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

describeInEngines('the same settings give the same doubles as in Node', (engine) => {
  it.each(CASES.map((c, i) => [i, c] as const))('case %i: status after two epochs and the exported JSON are bit-identical', async (_, patch) => {
    const settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
    const trainer = createTrainer(settings);
    const perEpoch = trainer.schedule.stepsPerEpoch;
    trainer.advance(2 * perEpoch, null, null);

    const tab = await engine().open(linkOf(settings));
    await stepEpochs(tab, 2, perEpoch);
    expect(Number(await statusValue(tab, 'w1'))).toBe(trainer.w1);
    expect(Number(await statusValue(tab, 'w2'))).toBe(trainer.w2);
    expect(Number(await statusValue(tab, 'loss'))).toBe(trainer.loss);
    expect(Number(await statusValue(tab, 'batch-loss'))).toBe(trainer.batchLoss);
    expect(await exportJson(tab)).toBe(allRunsJson([{ settings, step: 2 * perEpoch }]));
    expect(await tab.errors()).toEqual([]);
    await tab.close();
  });
});
