// Claims as checks: each sentence a guided question says about its runs is
// paired with a predicate over those runs' reports (the page's JSON export
// shape), so a test can evaluate it on the engine's runs and on the page's
// exports alike. Pure: no DOM, no store.
import type { RunResult } from './runLink.ts';
import { startWeights } from '../../core/init.ts';

export type Runs = readonly RunResult[];

/** One number a claim reads from one run, with the words that name it in a failure message. */
export interface Quantity {
  /** Position of the run in the question's link (0-based). */
  readonly run: number;
  readonly name: string;
  of(run: RunResult): number;
}

export interface ClaimCheck {
  readonly holds: boolean;
  /** The numbers compared, for a failure message and for a person re-reading the claim. */
  readonly numbers: string;
  /** How far inside its bound the claim is: measured ratio / claimed factor, or bound / worst value (≥ 1 when it holds). */
  readonly margin: number;
}

export interface Claim {
  /** The statement: a sentence of the explanation (where: 'text') or what the chart shows (where: 'picture'). */
  readonly says: string;
  readonly where: 'text' | 'picture';
  /**
   * For a comparison "A ≥ factor × B": the positions of A and B and the
   * factor (≥ 1.2, the least margin a person can see). Swapping A's and B's
   * runs must make the claim fail, or it is not a comparison.
   */
  readonly compares: { readonly a: number; readonly b: number; readonly factor: number } | null;
  check(runs: Runs): ClaimCheck;
}

/** The least factor by which one side of a comparison must beat the other. */
export const MIN_FACTOR = 1.2;

function show(value: number): string {
  // Six digits: a ratio of 1.00004 against a bound of 1.0001 must not read as 1.000.
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

function runAt(runs: Runs, index: number): RunResult {
  const run = runs[index];
  if (!run) throw new RangeError(`the claim reads run ${index + 1}, but there are ${runs.length} runs`);
  return run;
}

/** "A ≥ factor × B", a comparison of two runs. */
export function atLeastTimes(says: string, a: Quantity, b: Quantity, factor: number, where: Claim['where'] = 'text'): Claim {
  return {
    says,
    where,
    compares: { a: a.run, b: b.run, factor },
    check(runs) {
      const va = a.of(runAt(runs, a.run));
      const vb = b.of(runAt(runs, b.run));
      return {
        holds: va >= factor * vb,
        margin: va / vb / factor,
        numbers: `${a.name} (run ${a.run + 1}) = ${show(va)}, ${b.name} (run ${b.run + 1}) = ${show(vb)}, ratio ${show(va / vb)}; needs ≥ ${factor}`,
      };
    },
  };
}

/** Every listed run's quantity within a bound: a statement about runs, not a comparison between them. */
export function eachAtMost(says: string, quantities: readonly Quantity[], bound: number, where: Claim['where'] = 'text'): Claim {
  return {
    says,
    where,
    compares: null,
    check(runs) {
      const values = quantities.map((q) => q.of(runAt(runs, q.run)));
      return {
        holds: values.every((v) => v <= bound),
        margin: bound / Math.max(...values),
        numbers: `${quantities.map((q, i) => `${q.name} (run ${q.run + 1}) = ${show(values[i])}`).join(', ')}; needs ≤ ${bound}`,
      };
    },
  };
}

/** A number known before play (from the schedule) equal to what the run did. */
export function equals(says: string, q: Quantity, expected: number, where: Claim['where'] = 'text'): Claim {
  return {
    says,
    where,
    compares: null,
    check(runs) {
      const value = q.of(runAt(runs, q.run));
      return { holds: value === expected, margin: value === expected ? 1 : 0, numbers: `${q.name} (run ${q.run + 1}) = ${show(value)}; needs = ${expected}` };
    },
  };
}

/** Two runs agree exactly in a quantity (the same start, the same first epoch). */
export function same(says: string, a: Quantity, b: Quantity, where: Claim['where'] = 'text'): Claim {
  return {
    says,
    where,
    compares: null,
    check(runs) {
      const va = a.of(runAt(runs, a.run));
      const vb = b.of(runAt(runs, b.run));
      return { holds: va === vb, margin: va === vb ? 1 : 0, numbers: `${a.name} (run ${a.run + 1}) = ${show(va)}, ${b.name} (run ${b.run + 1}) = ${show(vb)}; needs equal` };
    },
  };
}

// ---- Measures of one run -------------------------------------------------

type Measure = (run: RunResult) => number;

export function quantity(run: number, name: string, of: Measure): Quantity {
  return { run, name, of };
}

function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}

/** The epoch rows from 1-based epoch `from` on. */
function epochsFrom(run: RunResult, from: number) {
  return run.epochs.filter((row) => row.epoch >= from);
}

/** Rows of the step columns whose step lies in (lo, hi]. */
function stepRows(run: RunResult, lo: number, hi: number): number[] {
  const rows: number[] = [];
  run.steps.step.forEach((step, i) => {
    if (step > lo && step <= hi) rows.push(i);
  });
  return rows;
}

export const finalLoss: Measure = (run) => run.final.loss;

/** The final loss over the best possible loss (1 = at the minimum). */
export const finalOverBest: Measure = (run) => run.final.loss / run.optimumLoss;

export function epochLoss(epoch: number): Measure {
  return (run) => run.epochs.find((row) => row.epoch === epoch)?.loss ?? NaN;
}

/** Median of the epoch-end full losses from epoch `from` on. */
export function medianEpochLoss(from: number): Measure {
  return (run) => median(epochsFrom(run, from).map((row) => row.loss));
}

/** Highest over lowest epoch-end full loss from epoch `from` on (1 = every epoch ends at the same loss). */
export function epochEndSpread(from: number): Measure {
  return (run) => {
    const losses = epochsFrom(run, from).map((row) => row.loss);
    return Math.max(...losses) / Math.min(...losses);
  };
}

/** Mean full loss over every step of the last `epochs` epochs. */
export function meanLossOfLastEpochs(epochs: number): Measure {
  return (run) => {
    const end = run.final.step;
    return mean(stepRows(run, end - epochs * run.stepsPerEpoch, end).map((i) => run.steps.loss[i]));
  };
}

/** Mean full loss over the last `epochs` epochs over the best possible loss: SGD's noise floor, not one noisy step. */
export function meanLossOfLastEpochsOverBest(epochs: number): Measure {
  const of = meanLossOfLastEpochs(epochs);
  return (run) => of(run) / run.optimumLoss;
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]));
}

/** Mean distance the weights move in one step over the last `epochs` epochs. */
export function meanStepLengthOfLastEpochs(epochs: number): Measure {
  return (run) => {
    const end = run.final.step;
    const rows = stepRows(run, end - epochs * run.stepsPerEpoch - 1, end);
    const lengths: number[] = [];
    for (let k = 1; k < rows.length; k++) {
      const [i, j] = [rows[k - 1], rows[k]];
      lengths.push(distance([run.steps.w1[i], run.steps.w2[i]], [run.steps.w1[j], run.steps.w2[j]]));
    }
    return mean(lengths);
  };
}

/** Mean distance between consecutive epoch-end weights from epoch `from` on. */
export function meanEpochMove(from: number): Measure {
  return (run) => {
    const rows = run.epochs;
    const moves: number[] = [];
    for (let i = 1; i < rows.length; i++) if (rows[i].epoch >= from) moves.push(distance(rows[i].w, rows[i - 1].w));
    return mean(moves);
  };
}

/**
 * Median, over the epoch boundaries from the end of epoch `from` on, of how
 * far the weights move from an epoch's end to the first step of the next:
 * one ordinary step, or a restart's jump.
 */
export function medianBoundaryMove(from: number): Measure {
  return (run) => {
    const moves: number[] = [];
    for (const row of run.epochs) {
      if (row.epoch < from) continue;
      const next = run.steps.step.indexOf(row.step + 1);
      if (next >= 0) moves.push(distance(row.w, [run.steps.w1[next], run.steps.w2[next]]));
    }
    return median(moves);
  };
}

/** Largest distance the weights move in one step from epoch `from` on (ordinary steps only, no boundary). */
export function largestStepFrom(from: number): Measure {
  return (run) => {
    let largest = 0;
    const { step, epoch, w1, w2 } = run.steps;
    for (let i = 1; i < step.length; i++) {
      if (epoch[i] < from || epoch[i] !== epoch[i - 1]) continue;
      largest = Math.max(largest, distance([w1[i - 1], w2[i - 1]], [w1[i], w2[i]]));
    }
    return largest;
  };
}

/** |w1 − w2| at the end: how far from the diagonal w1 = w2 the run ends (over √2). */
export const offDiagonal: Measure = (run) => Math.abs(run.final.w[0] - run.final.w[1]);

export const stepsPerEpochOf: Measure = (run) => run.stepsPerEpoch;

/** Steps actually taken in epoch 1, read from the step records. */
export const stepsTakenInEpoch1: Measure = (run) => run.steps.epoch.filter((e) => e === 1).length;

/** One measure over another, of the same run. */
export function over(a: Measure, b: Measure): Measure {
  return (run) => a(run) / b(run);
}

/** The weights after `step` (step 0: where the run starts), or null when the records do not have them. */
function weightsAt(run: RunResult, step: number): [number, number] | null {
  if (step === 0) return [...startWeights(run.settings)];
  const i = run.steps.step.indexOf(step);
  return i < 0 ? null : [run.steps.w1[i], run.steps.w2[i]];
}

/** How far each weight moved in `step`, as a fraction of the run's learning rate. */
function moveOverLr(run: RunResult, step: number): [number, number] {
  const before = weightsAt(run, step - 1);
  const after = weightsAt(run, step);
  if (!before || !after) return [NaN, NaN];
  return [Math.abs(after[0] - before[0]) / run.settings.lr, Math.abs(after[1] - before[1]) / run.settings.lr];
}

/** Mean distance the weights move in one step of epoch `epoch`, its first step (from the epoch before's end) included. */
export function meanStepLengthInEpoch(epoch: number): Measure {
  return (run) => {
    const lengths: number[] = [];
    for (let step = (epoch - 1) * run.stepsPerEpoch + 1; step <= epoch * run.stepsPerEpoch; step++) {
      const [before, after] = [weightsAt(run, step - 1), weightsAt(run, step)];
      lengths.push(before && after ? distance(before, after) : NaN);
    }
    return mean(lengths);
  };
}

/** How far the run's first step is from moving each weight by exactly lr (what a fresh Adam's first step does): the larger |move/lr − 1|. */
export const firstStepOffLr: Measure = (run) => Math.max(...moveOverLr(run, 1).map((m) => Math.abs(m - 1)));

/** Median, over the epochs from `from` on, of the larger weight's move in the epoch's first step, as a fraction of lr. */
export function medianEpochFirstStepOverLr(from: number): Measure {
  return (run) => median(epochsFrom(run, from).map((row) => Math.max(...moveOverLr(run, row.step - run.stepsPerEpoch + 1))));
}

type EpochField = 'loss' | 'meanBatchLoss' | 'valLoss';
const ratioOf = (row: RunResult['epochs'][number], a: EpochField, b: EpochField) => (row[a] ?? NaN) / (row[b] ?? NaN);
/** Field a over b in epoch `epoch`'s row (meanBatchLoss: what a loop prints as loss; loss, valLoss: at the epoch's end); NaN if missing. */
export function epochRatio(epoch: number, a: EpochField, b: EpochField): Measure {
  return (run) => [...run.epochs.filter((row) => row.epoch === epoch).map((row) => ratioOf(row, a, b)), NaN][0];
}
/** The larger of a/b and b/a at the worst epoch from `from` on (1 = equal at every epoch's end); NaN when there is none. */
export function worstEpochRatio(from: number, a: EpochField, b: EpochField): Measure {
  return (run) => Math.max(...epochsFrom(run, from).map((row) => Math.max(ratioOf(row, a, b), ratioOf(row, b, a))), epochsFrom(run, from).length ? 0 : NaN);
}
