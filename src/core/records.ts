// Records are stored column-wise in preallocated Float64Arrays: the trainer
// writes into them without allocating, and the worker transfers their buffers
// to the main thread without copying.

export const STEP_COLUMNS = ['step', 'epoch', 'w1', 'w2', 'batchLoss', 'loss'] as const;
export type StepColumn = (typeof STEP_COLUMNS)[number];

export const EPOCH_COLUMNS = ['epoch', 'step', 'loss', 'meanBatchLoss', 'w1', 'w2'] as const;
export type EpochColumn = (typeof EPOCH_COLUMNS)[number];

/** A block of rows: one Float64Array per column, rows 0 … length-1 filled. */
export type Columns<C extends string> = { length: number; readonly capacity: number } & { readonly [K in C]: Float64Array };

/** Per-step rows. `step` counts gradient steps from 1; `epoch` is the 1-based epoch the step belongs to. */
export type StepRecords = Columns<StepColumn>;
/** Per-epoch rows, one at the end of each epoch: full loss there, mean of that epoch's batch losses, weights. */
export type EpochRecords = Columns<EpochColumn>;

function createColumns<C extends string>(names: readonly C[], capacity: number): Columns<C> {
  const out: Record<string, unknown> = { length: 0, capacity };
  for (const name of names) out[name] = new Float64Array(capacity);
  return out as Columns<C>;
}

export function createStepRecords(capacity: number): StepRecords {
  return createColumns(STEP_COLUMNS, capacity);
}

export function createEpochRecords(capacity: number): EpochRecords {
  return createColumns(EPOCH_COLUMNS, capacity);
}
