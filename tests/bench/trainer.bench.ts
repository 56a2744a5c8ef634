// Training speed of the trainer, with every step recorded, next to a plain
// typed-array loop doing the same arithmetic in the same process. The
// trainer's bookkeeping (records, epochs, divergence checks, resumable state)
// should cost little: at b = 32 it must reach 0.8 of the plain loop.
// Run with `npm run bench`.
import { performance } from 'node:perf_hooks';
import { createTrainer } from '../../src/core/trainer.ts';
import { createStepRecords } from '../../src/core/records.ts';
import type { StepRecords } from '../../src/core/records.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { Settings } from '../../src/core/settings.ts';
import type { Trainer } from '../../src/core/types.ts';
import { lcgStream } from '../../src/core/random.ts';

const N = 10_000;
const BATCH_SIZES = [1, 32, N];
const TARGET_SECONDS = 0.8;
const REPEATS = 5;
const REQUIRED_RATIO_AT_32 = 0.8;
/** Steps per record buffer: reused when full, as the worker does. */
const BUFFER_ROWS = 1 << 14;

interface Measurement {
  seconds: number;
  examples: number;
  w1: number;
  w2: number;
}

const perSecond = (m: Measurement) => m.examples / m.seconds;
const millions = (v: number) => `${(v / 1e6).toFixed(1)} M/s`;

function settingsFor(b: number, epochs: number): Settings {
  // A rate stable even for single examples, so no run stops early.
  return { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], n: N, b, epochs, lr: 0.005, shuffle: 'epoch' };
}

function timeTrainer(settings: Settings, steps: StepRecords): Measurement {
  const trainer: Trainer = createTrainer(settings);
  const start = performance.now();
  while (trainer.status === 'running') {
    steps.length = 0;
    trainer.advance(Infinity, steps, null);
  }
  const seconds = (performance.now() - start) / 1000;
  if (trainer.status !== 'done') throw new Error(`bench run ended ${trainer.status}: ${trainer.divergence?.message}`);
  return { seconds, examples: trainer.step * settings.b, w1: trainer.w1, w2: trainer.w2 };
}

/**
 * The same training written as one plain loop: the trainer's data and batch
 * order (same seed stream and shuffler), its gradient, momentum update, O(1)
 * full loss, divergence check and six recorded columns per step.
 */
function timePlainLoop(settings: Settings, steps: StepRecords): Measurement {
  const { data, stats } = createTrainer(settings);
  const { x1, x2, y } = data;
  const { n, b, lr, mom, epochs } = settings;
  const order = new Uint32Array(n);
  const random = lcgStream(settings.seed, 'order');
  const { xx11, xx12, xx22, xy1, xy2, yy } = stats;
  let [w1, w2] = settings.w0;
  let v1 = 0;
  let v2 = 0;
  let step = 0;
  let row = 0;
  const start = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    // shuffle=epoch: a fresh permutation of 0 … n−1 every epoch.
    for (let i = 0; i < n; i++) order[i] = i;
    random.shuffle(order);
    for (let first = 0; first < n; first += b) {
      const last = Math.min(first + b, n);
      let sum = 0;
      let g1 = 0;
      let g2 = 0;
      for (let i = first; i < last; i++) {
        const j = order[i];
        const a = x1[j];
        const c = x2[j];
        const r = w1 * a + w2 * c - y[j];
        sum += r * r;
        g1 += r * a;
        g2 += r * c;
      }
      const count = last - first;
      const scale = 2 / count;
      v1 = mom * v1 + scale * g1;
      v2 = mom * v2 + scale * g2;
      w1 -= lr * v1;
      w2 -= lr * v2;
      const quadratic = w1 * (w1 * xx11 + 2 * w2 * xx12) + w2 * w2 * xx22;
      const loss = Math.max(0, quadratic - 2 * (w1 * xy1 + w2 * xy2) + yy);
      step++;
      if (row === steps.capacity) row = 0;
      steps.step[row] = step;
      steps.epoch[row] = epoch;
      steps.w1[row] = w1;
      steps.w2[row] = w2;
      steps.batchLoss[row] = sum / count;
      steps.loss[row] = loss;
      row++;
      if (!(loss <= 1e16 && Math.abs(w1) <= 1e8 && Math.abs(w2) <= 1e8)) throw new Error('plain loop diverged');
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds, examples: step * b, w1, w2 };
}

/** Epochs that make one trainer measurement take about TARGET_SECONDS (timed after a warm-up run). */
function calibrateEpochs(b: number, steps: StepRecords): number {
  let epochs = 1;
  timeTrainer(settingsFor(b, epochs), steps);
  for (;;) {
    const { seconds } = timeTrainer(settingsFor(b, epochs), steps);
    if (seconds > 0.2) return Math.max(1, Math.round((epochs * TARGET_SECONDS) / seconds));
    epochs *= 2;
  }
}

/** Best of REPEATS runs of each, alternating, so load from other processes hits both alike. */
function bestOfEach(settings: Settings, steps: StepRecords): [Measurement, Measurement] {
  let trainer: Measurement | null = null;
  let plain: Measurement | null = null;
  for (let r = 0; r < REPEATS; r++) {
    const t = timeTrainer(settings, steps);
    const p = timePlainLoop(settings, steps);
    if (!trainer || perSecond(t) > perSecond(trainer)) trainer = t;
    if (!plain || perSecond(p) > perSecond(plain)) plain = p;
  }
  return [trainer as Measurement, plain as Measurement];
}


const steps = createStepRecords(BUFFER_ROWS);
const rows: string[][] = [['b', 'epochs', 'steps', 'seconds', 'trainer', 'plain loop', 'trainer/plain']];
let ratioAt32 = NaN;
for (const b of BATCH_SIZES) {
  const epochs = calibrateEpochs(b, steps);
  const settings = settingsFor(b, epochs);
  // Warm up both loops, and check they really compute the same thing.
  const warmTrainer = timeTrainer(settings, steps);
  const warmPlain = timePlainLoop(settings, steps);
  if (warmTrainer.w1 !== warmPlain.w1 || warmTrainer.w2 !== warmPlain.w2) {
    throw new Error(`b=${b}: the plain loop and the trainer disagree (${warmPlain.w1}, ${warmPlain.w2}) vs (${warmTrainer.w1}, ${warmTrainer.w2})`);
  }
  const [trainer, plain] = bestOfEach(settings, steps);
  const ratio = perSecond(trainer) / perSecond(plain);
  if (b === 32) ratioAt32 = ratio;
  rows.push([String(b), String(epochs), String(Math.ceil(N / b) * epochs), trainer.seconds.toFixed(2), millions(perSecond(trainer)), millions(perSecond(plain)), ratio.toFixed(2)]);
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(`Examples per second, n = ${N.toLocaleString('en-US')}, every step recorded, best of ${REPEATS}:`);
for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
if (!(ratioAt32 >= REQUIRED_RATIO_AT_32)) {
  console.log(`FAIL: at b = 32 the trainer reaches ${ratioAt32.toFixed(2)} of the plain loop (needs ${REQUIRED_RATIO_AT_32}).`);
  process.exitCode = 1;
} else {
  console.log(`OK: at b = 32 the trainer reaches ${ratioAt32.toFixed(2)} of the plain loop (needs ${REQUIRED_RATIO_AT_32}).`);
}
