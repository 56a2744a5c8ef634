// Predict, then play: a question may ask the learner to commit to a guess
// before the run, then shows what the run did beside it. What counts as the
// right choice is measured on the run's numbers, like every claim, never
// written down: if a change to the engine moved the weights, the page would
// say so instead of confirming a stale answer.
import { startWeights } from '../../core/init.ts';
import type { RunResult } from './runLink.ts';
import type { Runs } from './claims.ts';

export interface PredictionChoice {
  readonly id: string;
  /** What the learner picks, in their words. */
  readonly text: string;
}

export interface PredictionOutcome {
  /** The id of the choice the run's numbers make true. */
  readonly choice: string;
  /** The measured numbers behind it, in words a learner can check on the charts. */
  readonly numbers: string;
}

export interface Prediction {
  /** The question asked before Play. */
  readonly prompt: string;
  readonly choices: readonly PredictionChoice[];
  /** Position in the link of the run the prediction is about. */
  readonly run: number;
  /** The step of that run after which the outcome can be seen; the page reveals it from then on. */
  readonly revealAfterStep: number;
  outcome(runs: Runs): PredictionOutcome;
}

/** A point of the weight space a choice names, found in the run's records. */
export interface NamedPoint {
  readonly choice: string;
  readonly words: string;
  at(run: RunResult): readonly [number, number];
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]));
}

function show(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** The weights after a step, read from the step records (step 0: where the run starts). */
export function weightsAfter(run: RunResult, step: number): readonly [number, number] {
  if (step === 0) return startWeights(run.settings);
  const i = run.steps.step.indexOf(step);
  if (i < 0) throw new RangeError(`step ${step} is not in the run's records`);
  return [run.steps.w1[i], run.steps.w2[i]];
}

/**
 * Where the weights are after `step`: the named point nearest to them, when it
 * is nearer than `near` times one ordinary step of the run (the median step
 * length before `step`); otherwise `elsewhere`, the choice for "none of these".
 */
export function nearestPoint(step: number, points: readonly NamedPoint[], elsewhere: string, near: number) {
  return (run: RunResult): PredictionOutcome => {
    const here = weightsAfter(run, step);
    const lengths: number[] = [];
    for (let s = 1; s < step; s++) lengths.push(distance(weightsAfter(run, s - 1), weightsAfter(run, s)));
    lengths.sort((x, y) => x - y);
    const typicalStep = lengths.length ? lengths[lengths.length >> 1] : 0;
    const measured = points.map((p) => ({ p, d: distance(here, p.at(run)) }));
    const best = measured.reduce((a, b) => (b.d < a.d ? b : a));
    const choice = best.d <= near * typicalStep ? best.p.choice : elsewhere;
    const distances = measured.map(({ p, d }) => `${show(d)} from ${p.words}`).join(', ');
    return { choice, numbers: `after step ${step} the weights are (${show(here[0])}, ${show(here[1])}): ${distances}; one ordinary step moves them about ${show(typicalStep)}` };
  };
}
