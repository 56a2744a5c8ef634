// A trainer checkpoint as one row of numbers, so the worker can keep
// thousands of them per run in one Float64Array (a few hundred bytes each as
// objects, 17 to 21 numbers packed) and replay any step from a short stretch.
// Only a running trainer's checkpoint packs: a stopped run has no step to
// resume, and its divergence message is text.
import type { Settings } from './settings.ts';
import type { TrainerCheckpoint } from './checkpoint.ts';
import { OPTIMIZER_STATE_LENGTH } from './optimizers.ts';

type NumberField = { [K in keyof TrainerCheckpoint]: TrainerCheckpoint[K] extends number ? K : never }[keyof TrainerCheckpoint];

/** The checkpoint's numbers in row order; then the batch order's two, then the optimiser's state. */
const SCALARS = ['step', 'epoch', 'batchInEpoch', 'examples', 'w1', 'w2', 'loss', 'batchLoss', 'batchLossSum', 'lr', 'batch', 'repeats', 'restartRandom'] as const satisfies readonly NumberField[];
const EPOCHS_BEGUN = SCALARS.length;
const LAYOUT_RANDOM = SCALARS.length + 1;
const OPTIMIZER_AT = SCALARS.length + 2;

/** Numbers in a packed checkpoint of a run of these settings. */
export function packedCheckpointLength(settings: Pick<Settings, 'optimizer'>): number {
  return OPTIMIZER_AT + OPTIMIZER_STATE_LENGTH[settings.optimizer];
}

/** The most numbers any run's packed checkpoint takes (Adam's). */
export const MAX_PACKED_CHECKPOINT_LENGTH = OPTIMIZER_AT + Math.max(...Object.values(OPTIMIZER_STATE_LENGTH));

/**
 * Writes `checkpoint` into row[at … at + packedCheckpointLength). Every field
 * is a double or an integer below 2⁵³, so the row holds it exactly (NaN and
 * −0 included). A checkpoint of a stopped run is refused with a RangeError.
 */
export function packCheckpoint(checkpoint: TrainerCheckpoint, row: Float64Array, at: number): void {
  if (checkpoint.status !== 'running') throw new RangeError(`only a running trainer's checkpoint packs, not a ${checkpoint.status} one`);
  SCALARS.forEach((field, i) => {
    row[at + i] = checkpoint[field];
  });
  row[at + EPOCHS_BEGUN] = checkpoint.batchOrder.epochsBegun;
  row[at + LAYOUT_RANDOM] = checkpoint.batchOrder.layoutRandom;
  row.set(checkpoint.optimizerState, at + OPTIMIZER_AT);
}

/** The checkpoint packed at row[at …] by a run of `settings`, as resumeTrainer takes it. */
export function unpackCheckpoint(settings: Readonly<Settings>, row: Float64Array, at: number): TrainerCheckpoint {
  const field = (name: (typeof SCALARS)[number]) => row[at + SCALARS.indexOf(name)];
  return {
    settings,
    step: field('step'),
    epoch: field('epoch'),
    batchInEpoch: field('batchInEpoch'),
    examples: field('examples'),
    w1: field('w1'),
    w2: field('w2'),
    loss: field('loss'),
    batchLoss: field('batchLoss'),
    batchLossSum: field('batchLossSum'),
    lr: field('lr'),
    batch: field('batch'),
    repeats: field('repeats'),
    restartRandom: field('restartRandom'),
    status: 'running',
    divergence: null,
    ranAway: false,
    batchOrder: { epochsBegun: row[at + EPOCHS_BEGUN], layoutRandom: row[at + LAYOUT_RANDOM] },
    optimizerState: row.slice(at + OPTIMIZER_AT, at + packedCheckpointLength(settings)),
  };
}
