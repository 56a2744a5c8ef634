// The live values written beside the loop's lines, as a debugger shows the
// variables of the line it stopped on: which epoch, which batch (its size and
// first examples), which repeat of the batch, which step, and the losses.
import type { LoopRole } from '../../core/pytorchLoop.ts';
import type { Settings } from '../../core/settings.ts';
import type { Schedule } from '../../core/types.ts';
import type { RunCursor } from '../../store/runTypes.ts';
import { formatCount, formatValue } from '../shared/format.ts';
import { atEpochBoundary } from './highlight.ts';

/** Between the parts of one annotation; the view keeps each part on one line. */
export const ANNOTATION_SEPARATOR = ' · ';
/** How many of the batch's example indices are named. */
export const INDICES_SHOWN = 3;

export type LoopAnnotations = Partial<Record<LoopRole, string>>;

export type AnnotatedCursor = Pick<RunCursor, 'step' | 'batchInEpoch' | 'batch' | 'batchSize' | 'batchLoss' | 'loss' | 'w1' | 'w2' | 'lr'>;

/** 1-based epoch the run is in, or has just finished at an epoch boundary. */
export function epochOfStep(step: number, stepsPerEpoch: number): number {
  return Math.ceil(step / stepsPerEpoch);
}

/** 1-based repeat of the current batch: ((step − 1) mod stepsPerEpoch) mod k + 1. */
export function innerStepOf(step: number, stepsPerEpoch: number, k: number): number {
  return (((step - 1) % stepsPerEpoch) % k) + 1;
}

function examplesText(count: number): string {
  return `${formatCount(count)} example${count === 1 ? '' : 's'}`;
}

/** "first #17, #3, #88", or every index when the batch has no more than that. */
function indicesText(batch: Uint32Array, batchSize: number): string | null {
  const shown = Math.min(INDICES_SHOWN, batch.length);
  if (shown === 0) return null;
  const names = Array.from(batch.subarray(0, shown), (index) => `#${index}`).join(', ');
  return batchSize > shown ? `first ${names}` : names;
}

export function loopAnnotations(
  cursor: AnnotatedCursor,
  schedule: Pick<Schedule, 'batchesPerEpoch' | 'stepsPerEpoch'>,
  settings: Pick<Settings, 'epochs' | 'k' | 'decay'>,
): LoopAnnotations {
  const { step } = cursor;
  const epochs = formatCount(settings.epochs);
  const rate = settings.decay > 0 ? { optimizer: `lr now ${formatValue(cursor.lr)}` } : {};
  if (!(step >= 1) || !Number.isInteger(step) || !(schedule.stepsPerEpoch >= 1)) {
    return { epoch: `epoch 1 of ${epochs}${ANNOTATION_SEPARATOR}not started`, ...rate };
  }
  const epoch = Math.min(epochOfStep(step, schedule.stepsPerEpoch), settings.epochs);
  const batchParts = [`batch ${formatCount(cursor.batchInEpoch)} of ${formatCount(schedule.batchesPerEpoch)}`, examplesText(cursor.batchSize)];
  const indices = indicesText(cursor.batch, cursor.batchSize);
  if (indices) batchParts.push(indices);
  const notes: LoopAnnotations = {
    epoch: `epoch ${formatCount(epoch)} of ${epochs}`,
    batch: batchParts.join(ANNOTATION_SEPARATOR),
    loss: `batch loss ${formatValue(cursor.batchLoss)}`,
    step: `step t = ${formatCount(step)}`,
    ...rate,
  };
  if (settings.k > 1) notes.inner = `inner step ${formatCount(innerStepOf(step, schedule.stepsPerEpoch, settings.k))} of ${formatCount(settings.k)}`;
  if (atEpochBoundary(step, schedule.stepsPerEpoch)) {
    notes.print = `loss ${formatValue(cursor.loss)}${ANNOTATION_SEPARATOR}w ${formatValue(cursor.w1)}, ${formatValue(cursor.w2)}`;
    // At the boundary the cursor's rate is already the next epoch's (none after the last).
    if (settings.decay > 0 && epoch < settings.epochs) notes.schedule = `lr of epoch ${formatCount(epoch + 1)}: ${formatValue(cursor.lr)}`;
  }
  return notes;
}
