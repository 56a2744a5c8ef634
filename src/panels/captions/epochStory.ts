// The facts of the latest completed epoch that captions are written from:
// where it began and ended, and whether it began where the previous one ended.
import { startWeights } from '../../core/init.ts';
import type { CaptionInput } from './captionInput.ts';
import { num } from './captionFormat.ts';

export type Weights = readonly [number, number];

export interface EpochStory {
  /** 1-based number of the latest completed epoch. */
  readonly epoch: number;
  /** Steps taken by the end of it. */
  readonly step: number;
  /** Where it began, or null when unknown (a restart not passed in). */
  readonly startW: Weights | null;
  /** Full loss where it began; NaN when unknown. */
  readonly startLoss: number;
  readonly endW: Weights;
  readonly endLoss: number;
  /** The previous epoch's end (epoch 2 onwards), else null. */
  readonly previousEndW: Weights | null;
  readonly previousEndLoss: number;
  /** restart=true moved the weights at the start of this epoch. */
  readonly restarted: boolean;
  /** It began exactly where the previous epoch ended (epoch 1: at the initial weights). */
  readonly continued: boolean;
}

export type LossDirection = 'down' | 'up' | 'flat' | 'unknown';

/** Completed epochs in the records, never more than their columns hold. */
export function completedEpochs(input: CaptionInput): number {
  const { length, loss } = input.epochs;
  return Number.isInteger(length) && length > 0 ? Math.min(length, loss.length) : 0;
}

function rowWeights(input: CaptionInput, row: number): Weights {
  return [input.epochs.w1[row], input.epochs.w2[row]];
}

function sameWeights(a: Weights, b: Weights): boolean {
  return Object.is(a[0], b[0]) && Object.is(a[1], b[1]);
}

/** The story of the latest completed epoch; only call with at least one. */
export function latestEpoch(input: CaptionInput): EpochStory {
  const epoch = completedEpochs(input);
  const row = epoch - 1;
  const previousEndW = epoch > 1 ? rowWeights(input, row - 1) : null;
  const previousEndLoss = epoch > 1 ? input.epochs.loss[row - 1] : NaN;
  const restarted = input.settings.restart && epoch > 1;
  // Where the epoch must have begun if nothing moved the weights in between.
  const expectedStart = previousEndW ?? startWeights(input.settings);
  const expectedLoss = epoch > 1 ? previousEndLoss : input.initialLoss;
  const startW = input.epochStartW ?? (restarted ? null : expectedStart);
  const continued = !restarted && startW !== null && sameWeights(startW, expectedStart);
  const givenLoss = input.epochStartW !== null && !Number.isNaN(input.epochStartLoss);
  return {
    epoch,
    step: input.epochs.step[row],
    startW,
    startLoss: givenLoss ? input.epochStartLoss : continued ? expectedLoss : NaN,
    endW: rowWeights(input, row),
    endLoss: input.epochs.loss[row],
    previousEndW,
    previousEndLoss,
    restarted,
    continued,
  };
}

/** How the loss moved, judged at the precision the caption prints. */
export function lossDirection(from: number, to: number): LossDirection {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'unknown';
  if (num(from) === num(to)) return 'flat';
  return to < from ? 'down' : 'up';
}

/** The earlier epoch (1-based) with the lowest end loss before `epoch`, or null if none is finite. */
export function bestEarlierEpoch(input: CaptionInput, epoch: number): { epoch: number; loss: number } | null {
  let best: { epoch: number; loss: number } | null = null;
  for (let row = 0; row < epoch - 1; row++) {
    const loss = input.epochs.loss[row];
    if (Number.isFinite(loss) && (best === null || loss < best.loss)) best = { epoch: row + 1, loss };
  }
  return best;
}
