// Everything a caption is written from, as plain data, and how to gather it
// from what the store offers for a run. Facts the store does not carry (the
// optimum, the largest stable rate, where a restarted epoch began, which
// examples came first) are passed in explicitly, so a caption never guesses.
import type { Settings } from '../../core/settings.ts';
import { settingsToEntries } from '../../core/settingsText.ts';
import type { Optimum, Schedule, SufficientStats } from '../../core/types.ts';
import type { EpochRecords } from '../../core/records.ts';
import { fullLoss } from '../../core/loss.ts';
import { startWeights } from '../../core/init.ts';
import { statsFor } from '../shared/dataCache.ts';
import { largestStableLr, stableLrMomentum } from '../../core/curvature.ts';
import type { RunStatus, RunView } from '../../store/runTypes.ts';

/** How many of an epoch's first examples a caption lists. */
export const ORDER_HEAD_LENGTH = 3;

export interface CaptionOptimum {
  /** The minimiser (linear), or the valley point nearest the diagonal (deep). */
  readonly w: readonly [number, number];
  /** The best possible full loss. */
  readonly loss: number;
  /** Deep model: the best product w1·w2 (the valley is w1·w2 = product). */
  readonly product?: number;
  /** False when a whole line of weights is optimal, so distance to `w` means nothing. */
  readonly unique: boolean;
}

export interface CaptionInput {
  /** Identifies the run, so a new run with the same epoch count still gets a new caption. */
  readonly runId: string;
  readonly settings: Settings;
  readonly schedule: Schedule;
  /** One row per completed epoch (row i is epoch i + 1). */
  readonly epochs: EpochRecords;
  readonly status: RunStatus;
  /** The run's message (the divergence or error text), if any. */
  readonly message: string | null;
  /** Where training stands now; read only to say how a run diverged. */
  readonly now: { readonly step: number; readonly w1: number; readonly w2: number; readonly loss: number };
  /**
   * Weights at which the latest completed epoch began. Null when unknown: then
   * the initial weights (epoch 1) or the previous epoch's end (no restart) are
   * used, and a restarted epoch is described without them.
   */
  readonly epochStartW: readonly [number, number] | null;
  /** Full loss at epochStartW; NaN when unknown. */
  readonly epochStartLoss: number;
  /** First examples of the latest completed epoch's order (at most ORDER_HEAD_LENGTH), or null when unknown. */
  readonly orderHead: readonly number[] | null;
  /** shuffle=replacement: distinct examples the latest epoch drew, or null when unknown. */
  readonly distinctExamples: number | null;
  readonly optimum: CaptionOptimum | null;
  /** Largest stable learning rate of the data (with the run's momentum); NaN when unknown. */
  readonly maxStableLr: number;
  /** Full loss at the initial weights; NaN when unknown. */
  readonly initialLoss: number;
}

/** Facts that follow from the settings alone; compute once per run. */
export interface ProblemFacts {
  readonly stats: SufficientStats;
  readonly optimum: Optimum;
  readonly maxStableLr: number;
  readonly initialLoss: number;
}

/** The data set's statistics, optimum and largest stable rate, as the engine computes them. */
export function problemFacts(settings: Settings): ProblemFacts {
  // The panels' shared cache: a million-example data set is not generated a second time.
  const { stats, optimum: best } = statsFor(settings);
  return {
    stats,
    optimum: best,
    // The rate the engine's divergence message quotes, so caption and message agree.
    maxStableLr: largestStableLr(stats, settings.model, stableLrMomentum(settings)),
    initialLoss: fullLoss(stats, settings.model, ...startWeights(settings)),
  };
}

export interface CaptionExtras {
  /** problemFacts(run.settings), or null while not yet known. */
  readonly facts: ProblemFacts | null;
  /** Weights at which the latest completed epoch began, when known (needed to quote a restart's weights). */
  readonly epochStartW?: readonly [number, number] | null;
  /**
   * The latest completed epoch's order, or at least its first ORDER_HEAD_LENGTH
   * examples (Trainer.epochOrder() at the epoch's end, or EpochReplay).
   */
  readonly orderHead?: ArrayLike<number> | null;
  /** shuffle=replacement: distinct examples the latest completed epoch drew. */
  readonly distinctExamples?: number | null;
}

export function captionInputFromRun(run: RunView, extras: CaptionExtras): CaptionInput {
  const { settings, schedule, epochs, cursor } = run;
  const { facts } = extras;
  const epochStartW = extras.epochStartW ?? null;
  const epochStartLoss = epochStartW && facts ? fullLoss(facts.stats, settings.model, epochStartW[0], epochStartW[1]) : NaN;
  // With a single batch per epoch, the cursor's batch at the epoch's last step
  // is that epoch's whole order (the first 1,000 examples of it, at least).
  const cursorHoldsEpoch = epochs.length > 0 && schedule.batchesPerEpoch === 1 && cursor.step === epochs.step[epochs.length - 1];
  const cursorHoldsAllDraws = cursorHoldsEpoch && cursor.batch.length === cursor.batchSize;
  return {
    runId: run.id,
    settings,
    schedule,
    epochs,
    status: run.status,
    message: run.message,
    now: { step: cursor.step, w1: cursor.w1, w2: cursor.w2, loss: cursor.loss },
    epochStartW,
    epochStartLoss,
    orderHead: orderHead(settings, schedule, extras.orderHead ?? (cursorHoldsEpoch ? cursor.batch : null)),
    distinctExamples: extras.distinctExamples ?? (cursorHoldsAllDraws && settings.shuffle === 'replacement' ? new Set(cursor.batch).size : null),
    optimum: facts ? captionOptimum(facts.optimum) : null,
    maxStableLr: facts ? facts.maxStableLr : NaN,
    initialLoss: facts ? facts.initialLoss : NaN,
  };
}

function orderHead(settings: Settings, schedule: Schedule, order: ArrayLike<number> | null): readonly number[] | null {
  const length = Math.min(ORDER_HEAD_LENGTH, schedule.examplesPerEpoch);
  if (order && order.length >= length) return Array.from({ length }, (_, i) => order[i]);
  // Without shuffling the order is 0, 1, 2, … in every epoch.
  if (settings.shuffle === 'none') return Array.from({ length }, (_, i) => i);
  return null;
}

function captionOptimum(best: Optimum): CaptionOptimum {
  const out = { w: best.w, loss: best.loss, unique: best.status === 'unique' };
  return best.product === undefined ? out : { ...out, product: best.product };
}

/**
 * What a caption depends on, besides the step: it changes at epoch ends, on
 * status changes and when facts arrive, so a live region keyed on it does not
 * announce every step.
 */
export function captionKey(input: CaptionInput): string {
  const settings = settingsToEntries(input.settings, null)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const known = [input.optimum, input.epochStartW, input.orderHead, input.distinctExamples].map((fact) => (fact === null ? 0 : 1)).join('');
  return [input.runId, settings, input.epochs.length, input.status, known].join('|');
}
