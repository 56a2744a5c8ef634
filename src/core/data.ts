// The synthetic training set. It depends only on the settings that describe
// the data (n, data, rho, noise, model, seed), so runs that differ in batch
// size, order or optimiser are compared on the very same examples.
import type { Settings } from './settings.ts';
import type { Dataset, SufficientStats } from './types.ts';
import { StatsSums } from './stats.ts';
import { lcgStream, normalFrom, type RandomStream } from './random.ts';

/** The weights the line and plane data are generated from. */
export const TRUE_WEIGHTS: readonly [number, number] = Object.freeze([1.5, -0.5]) as readonly [number, number];
/**
 * Mean of the line feature. An offset mean couples slope and intercept, so
 * the loss bowl is elongated and tilted instead of round.
 */
export const LINE_X_MEAN = 1;

export type DataSettings = Pick<Settings, 'n' | 'data' | 'rho' | 'noise' | 'seed' | 'model'>;
export type ValidationSettings = DataSettings & Pick<Settings, 'val'>;

/**
 * Every setting the training set and the validation set are drawn from (the
 * generators below read no other): runs that agree on these train on the very
 * same examples, so one copy of them can serve them all.
 */
export const DATA_SETTING_NAMES = ['n', 'data', 'rho', 'noise', 'seed', 'model', 'val'] as const satisfies readonly (keyof ValidationSettings)[];

/** The first data setting on which two settings differ, or null when they draw the same examples. */
export function dataDifference(a: ValidationSettings, b: ValidationSettings): string | null {
  for (const name of DATA_SETTING_NAMES) {
    if (!Object.is(a[name], b[name])) return `${name} is ${String(b[name])} here but ${String(a[name])} there`;
  }
  return null;
}

/** A key that two settings share exactly when they draw the same examples (dataDifference is null). */
export function dataKey(settings: ValidationSettings): string {
  return DATA_SETTING_NAMES.map((name) => (Object.is(settings[name], -0) ? '-0' : String(settings[name]))).join(' ');
}

/** Examples in the validation set: round(val·n), possibly 0 for a small n. */
export function validationSize(settings: Pick<Settings, 'n' | 'val'>): number {
  return Math.round(settings.val * settings.n);
}

/**
 * The validation set: validationSize examples drawn exactly as the training
 * set is, from the seed's own 'val' stream, so adding one changes neither the
 * training data nor anything else about the run.
 */
export function generateValidationData(settings: ValidationSettings): Dataset {
  return storeExamples(settings, validationSize(settings), 'val');
}

/**
 * Draws the examples. Each example takes three normals in a fixed order
 * (z1, z2, ε) whatever the data kind, so example i is the same draw for every
 * n ≥ i + 1, and changing noise or rho rescales the same draws rather than
 * drawing new ones.
 *
 * - line:  x1 = x ~ N(1, 1), x2 ≡ 1, y = 1.5·x − 0.5 + noise·ε
 * - plane: x1 = z1, x2 = rho·z1 + √(1−rho²)·z2, y = 1.5·x1 − 0.5·x2 + noise·ε
 * - line with the deep model: y = 1.5·x + noise·ε (through the origin, as
 *   ŷ = w2·w1·x has no intercept; x2 ≡ 1 is stored but unused).
 */
export function generateData(settings: DataSettings): Dataset {
  return storeExamples(settings, settings.n, 'data');
}

/**
 * The sufficient statistics of generateData(settings), bit for bit, from the
 * same draws without keeping them: 24 bytes per example less at the peak, for
 * a page that needs a run's loss surface but not its examples.
 */
export function dataStats(settings: DataSettings): SufficientStats {
  return sumExamples(settings, settings.n, 'data');
}

/** Likewise, the validation set's statistics (generateValidationData's) without the examples. */
export function validationStats(settings: ValidationSettings): SufficientStats {
  return sumExamples(settings, validationSize(settings), 'val');
}

// Line data's x2 column is all ones (8 MB at n = 10⁶): data sets of one length
// share one such column, released when none holds it. Nothing writes into a
// data set once it is drawn, so sharing cannot leak one run into another.
const onesByLength = new Map<number, WeakRef<Float64Array>>();

function onesOf(n: number): Float64Array {
  const held = onesByLength.get(n)?.deref();
  if (held) return held;
  const ones = new Float64Array(n).fill(1);
  onesByLength.set(n, new WeakRef(ones));
  return ones;
}

function storeExamples(settings: DataSettings, n: number, stream: RandomStream): Dataset {
  const x1 = new Float64Array(n);
  const y = new Float64Array(n);
  if (settings.data === 'plane') {
    const x2 = new Float64Array(n);
    drawExamples(settings, n, stream, (i, a, b, t) => {
      x1[i] = a;
      x2[i] = b;
      y[i] = t;
    });
    return { n, x1, x2, y };
  }
  drawExamples(settings, n, stream, (i, a, _, t) => {
    x1[i] = a;
    y[i] = t;
  });
  return { n, x1, x2: onesOf(n), y };
}

function sumExamples(settings: DataSettings, n: number, stream: RandomStream): SufficientStats {
  const sums = new StatsSums();
  drawExamples(settings, n, stream, (_, a, b, t) => sums.add(a, b, t));
  return sums.averages(n);
}

/** Hands each example (x1, x2, y), in index order, to `take`: the one place the data's formulas live. */
function drawExamples(settings: DataSettings, n: number, stream: RandomStream, take: (i: number, x1: number, x2: number, y: number) => void): void {
  const { noise, rho } = settings;
  const normal = normalFrom(lcgStream(settings.seed, stream));
  const [t1, t2] = TRUE_WEIGHTS;
  const plane = settings.data === 'plane';
  const intercept = settings.model === 'deep' ? 0 : t2;
  const rest = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < n; i++) {
    const z1 = normal();
    const z2 = normal();
    const e = normal();
    if (plane) {
      const x1 = z1;
      const x2 = rho * z1 + rest * z2;
      take(i, x1, x2, t1 * x1 + t2 * x2 + noise * e);
    } else {
      const x1 = LINE_X_MEAN + z1;
      take(i, x1, 1, t1 * x1 + intercept + noise * e);
    }
  }
}
