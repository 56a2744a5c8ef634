// Records are stored column-wise in preallocated Float64Arrays: the trainer
// writes into them without allocating, and the worker transfers their buffers
// to the main thread without copying.

export const STEP_COLUMNS = ['step', 'epoch', 'w1', 'w2', 'batchLoss', 'loss'] as const;
export type StepColumn = (typeof STEP_COLUMNS)[number];

export const EPOCH_COLUMNS = ['epoch', 'step', 'loss', 'meanBatchLoss', 'w1', 'w2'] as const;
export type EpochColumn = (typeof EPOCH_COLUMNS)[number];

/**
 * Step and epoch records also hold valLoss, the validation set's loss at the
 * row's weights (NaN without a validation set, val = 0). It is kept apart
 * from the columns above, which every output has, and is optional in the
 * types: createStepRecords/createEpochRecords always make it, filled with
 * NaN, and the trainer writes it when present and the run has a validation
 * set (a run without one leaves it alone, at no cost per step). The exports
 * include it only when there is a validation set, so runs without one print
 * exactly what they printed before it existed.
 */
export const VAL_LOSS_COLUMN = 'valLoss';
export type ValLossColumn = typeof VAL_LOSS_COLUMN;

/**
 * The columns of a thinned series' rows (the worker's M4 pyramid and the
 * page's series): every step column, then valLoss, NaN in a run without a
 * validation set. M4 keeps whole rows, so any series' row says the
 * validation loss at its step, and a run with a validation set has a series
 * thinned by valLoss itself.
 */
export const SERIES_COLUMNS = [...STEP_COLUMNS, VAL_LOSS_COLUMN] as const;
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** A block of rows: one Float64Array per column, rows 0 … length-1 filled. */
export type Columns<C extends string> = { length: number; readonly capacity: number } & { readonly [K in C]: Float64Array };

/** Per-step rows. `step` counts gradient steps from 1; `epoch` is the 1-based epoch the step belongs to. */
export type StepRecords = Columns<StepColumn> & { readonly [K in ValLossColumn]?: Float64Array };
/** Per-step rows with every series column (what createStepRecords makes): a thinned series' rows. */
export type SeriesRecords = Columns<SeriesColumn>;
/** Per-epoch rows, one at the end of each epoch: full loss there, mean of that epoch's batch losses, weights, validation loss there. */
export type EpochRecords = Columns<EpochColumn> & { readonly [K in ValLossColumn]?: Float64Array };

function createColumns<C extends string>(names: readonly C[], capacity: number): Columns<C | ValLossColumn> {
  const out: Record<string, unknown> = { length: 0, capacity };
  for (const name of names) out[name] = new Float64Array(capacity);
  // NaN until a run with a validation set writes it: a run without one never does.
  out[VAL_LOSS_COLUMN] = new Float64Array(capacity).fill(NaN);
  return out as Columns<C | ValLossColumn>;
}

export function createStepRecords(capacity: number): SeriesRecords {
  return createColumns(STEP_COLUMNS, capacity);
}

export function createEpochRecords(capacity: number): Columns<EpochColumn | ValLossColumn> {
  return createColumns(EPOCH_COLUMNS, capacity);
}
