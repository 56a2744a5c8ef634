// The one definition of what a run's report says, shared by the command
// line's --json/--csv and the page's export buttons, so a number exported from
// the page and the same number printed by `npm run sim` cannot disagree.
import { largestStableLr, maxStableLr, stableLrMomentum } from './curvature.ts';
import { optimum } from './optimum.ts';
import { startWeights } from './init.ts';
import { EPOCH_COLUMNS, STEP_COLUMNS, VAL_LOSS_COLUMN } from './records.ts';
import { validationSize } from './data.ts';
import type { EpochRecords, StepRecords } from './records.ts';
import { SETTING_NAMES } from './settings.ts';
import { settingsToEntries } from './settingsText.ts';
import type { Settings } from './settings.ts';
import type { Optimum, Schedule, Trainer } from './types.ts';

/** 'stopped': the report was taken before the run reached its last step (the page exports a paused run). */
export type RunOutcome = 'done' | 'diverged' | 'stopped';

/** Everything the summary and the JSON report: the run's shape, its answer, and one row per completed epoch. */
export interface RunReport {
  readonly settings: Settings;
  readonly schedule: Schedule;
  readonly optimum: Optimum;
  /** SGD's (see stableLrApplies): with the run's momentum under SGD, without under Adam and RMSprop. */
  readonly maxStableLr: number;
  /**
   * Deep model only: its curvature depends on the weights, so the stable rate
   * where training starts (w0) and where it stands now (the final weights).
   */
  readonly stableLrAt: { readonly start: number; readonly final: number } | null;
  readonly epochs: EpochRecords;
  /** valLoss: NaN without a validation set. */
  readonly final: { readonly step: number; readonly w1: number; readonly w2: number; readonly loss: number; readonly valLoss: number };
  readonly status: RunOutcome;
  readonly message: string | null;
}

/** The report of a trainer where it stands now, with the epoch rows it recorded on the way. */
export function reportOfTrainer(trainer: Trainer, epochs: EpochRecords): RunReport {
  const { settings } = trainer;
  const mom = stableLrMomentum(settings);
  return {
    settings,
    schedule: trainer.schedule,
    optimum: optimum(trainer.stats, settings.model),
    maxStableLr: largestStableLr(trainer.stats, settings.model, mom),
    stableLrAt:
      settings.model === 'deep'
        ? {
            start: maxStableLr(trainer.stats, 'deep', ...startWeights(settings), mom),
            final: maxStableLr(trainer.stats, 'deep', trainer.w1, trainer.w2, mom),
          }
        : null,
    epochs,
    final: { step: trainer.step, w1: trainer.w1, w2: trainer.w2, loss: trainer.loss, valLoss: trainer.valLoss },
    status: trainer.status === 'running' ? 'stopped' : trainer.status,
    message: trainer.divergence?.message ?? null,
  };
}

export interface EpochRow {
  epoch: number;
  step: number;
  loss: number;
  meanBatchLoss: number;
  w: [number, number];
  /** Only with a validation set: its loss at the epoch's end (Keras's val_loss). */
  valLoss?: number;
}

export interface ReportJson {
  settings: Settings;
  stepsPerEpoch: number;
  lastBatchSize: number;
  totalSteps: number;
  optimum: [number, number];
  optimumLoss: number;
  optimumProduct?: number;
  /** Only when the optimum is not unique: why, and which point is shown. */
  optimumMessage?: string;
  maxStableLr: number;
  /** Deep model only: the stable rate at the start weights w0 and at the final weights. */
  maxStableLrAtStart?: number;
  maxStableLrAtFinal?: number;
  epochs: EpochRow[];
  final: { step: number; w: [number, number]; loss: number; valLoss?: number };
  status: RunOutcome;
  /** Only when the status is 'stopped': the step the report was taken at (equal to final.step). */
  stoppedAtStep?: number;
  message?: string;
}

/** Every step of a run column by column: a sixth of the size of one object per step. */
export type StepColumnsJson = { [K in (typeof STEP_COLUMNS)[number]]: number[] } & { valLoss?: number[] };

/**
 * Whether the outputs of a run carry valLoss: only when it has a validation
 * set, so a run without one prints exactly what it printed before val existed.
 */
export function hasValidation(settings: Pick<Settings, 'n' | 'val'>): boolean {
  return validationSize(settings) > 0;
}

/** The page's JSON export: the report plus every step from step 0 (the start) to final.step. */
export interface RunExportJson extends ReportJson {
  steps: StepColumnsJson;
}

export function epochRows(epochs: EpochRecords, withValLoss = false): EpochRow[] {
  const rows: EpochRow[] = [];
  for (let i = 0; i < epochs.length; i++) {
    const row: EpochRow = {
      epoch: epochs.epoch[i],
      step: epochs.step[i],
      loss: epochs.loss[i],
      meanBatchLoss: epochs.meanBatchLoss[i],
      w: [epochs.w1[i], epochs.w2[i]],
    };
    if (withValLoss) row.valLoss = epochs.valLoss ? epochs.valLoss[i] : NaN;
    rows.push(row);
  }
  return rows;
}

/**
 * The settings with their keys in the documented order, whatever order the
 * object was built in, so equal settings always serialise to equal text.
 */
function orderedSettings(settings: Settings): Settings {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) out[name] = name === 'w0' ? [settings.w0[0], settings.w0[1]] : settings[name];
  return out as unknown as Settings;
}

/** The `--json` object. Serialise with JSON.stringify, which writes non-finite numbers as null. */
export function reportJson(report: RunReport): ReportJson {
  const { settings, schedule, optimum: best, final } = report;
  const withVal = hasValidation(settings);
  const out: ReportJson = {
    settings: orderedSettings(settings),
    stepsPerEpoch: schedule.stepsPerEpoch,
    lastBatchSize: schedule.lastBatchSize,
    totalSteps: schedule.totalSteps,
    optimum: [best.w[0], best.w[1]],
    optimumLoss: best.loss,
    maxStableLr: report.maxStableLr,
    epochs: epochRows(report.epochs, withVal),
    final: withVal ? { step: final.step, w: [final.w1, final.w2], loss: final.loss, valLoss: final.valLoss } : { step: final.step, w: [final.w1, final.w2], loss: final.loss },
    status: report.status,
  };
  if (settings.model === 'deep' && best.product !== undefined) out.optimumProduct = best.product;
  if (best.status !== 'unique' && best.message) out.optimumMessage = best.message;
  if (report.stableLrAt) {
    out.maxStableLrAtStart = report.stableLrAt.start;
    out.maxStableLrAtFinal = report.stableLrAt.final;
  }
  if (report.status === 'stopped') out.stoppedAtStep = final.step;
  if (report.message !== null) out.message = report.message;
  return reorder(out);
}

const REPORT_KEY_ORDER: readonly (keyof ReportJson)[] = [
  'settings',
  'stepsPerEpoch',
  'lastBatchSize',
  'totalSteps',
  'optimum',
  'optimumLoss',
  'optimumProduct',
  'optimumMessage',
  'maxStableLr',
  'maxStableLrAtStart',
  'maxStableLrAtFinal',
  'epochs',
  'final',
  'status',
  'stoppedAtStep',
  'message',
];

/** Keys in the documented order, whichever optional ones are present. */
function reorder(json: ReportJson): ReportJson {
  const out: Record<string, unknown> = {};
  for (const key of REPORT_KEY_ORDER) if (json[key] !== undefined) out[key] = json[key];
  return out as unknown as ReportJson;
}

/** Rows 0 … length−1 of a step buffer as plain arrays, ready for JSON.stringify. */
export function stepColumnsJson(steps: StepRecords, withValLoss = false): StepColumnsJson {
  const out = {} as StepColumnsJson;
  for (const column of STEP_COLUMNS) out[column] = Array.from(steps[column].subarray(0, steps.length));
  if (withValLoss) out.valLoss = steps.valLoss ? Array.from(steps.valLoss.subarray(0, steps.length)) : new Array<number>(steps.length).fill(NaN);
  return out;
}

/** The page's JSON export object: the report, then every step (the steps must run from step 0, the start, to final.step). */
export function reportWithSteps(report: RunReport, steps: StepRecords): RunExportJson {
  return { ...reportJson(report), steps: stepColumnsJson(steps, hasValidation(report.settings)) };
}

/**
 * Appends the row of step 0, the starting state, to a step buffer: epoch 0
 * (no epoch has begun), w = w0, the full loss there, and batchLoss NaN, as no
 * batch has been drawn yet (null in the JSON, NaN in the CSV). Every step
 * export starts with it, so a plot of the export starts where the run does.
 */
export function appendStartRow(trainer: Trainer, steps: StepRecords): void {
  if (trainer.step !== 0) throw new Error(`the start row is step 0, but the trainer is at step ${trainer.step}`);
  const row = steps.length;
  steps.step[row] = 0;
  steps.epoch[row] = 0;
  steps.w1[row] = trainer.w1;
  steps.w2[row] = trainer.w2;
  steps.batchLoss[row] = NaN;
  steps.loss[row] = trainer.loss;
  if (steps.valLoss) steps.valLoss[row] = trainer.valLoss;
  steps.length = row + 1;
}

export const STEP_CSV_HEADER = `${STEP_COLUMNS.join(',')}\n`;
export const EPOCH_CSV_HEADER = `${EPOCH_COLUMNS.join(',')}\n`;

/** The step CSV's header line, with the valLoss column last when the run has a validation set. */
export function stepCsvHeader(withValLoss: boolean): string {
  return withValLoss ? `${STEP_COLUMNS.join(',')},${VAL_LOSS_COLUMN}\n` : STEP_CSV_HEADER;
}

export function epochCsvHeader(withValLoss: boolean): string {
  return withValLoss ? `${EPOCH_COLUMNS.join(',')},${VAL_LOSS_COLUMN}\n` : EPOCH_CSV_HEADER;
}

/**
 * Rows 0 … length−1 of a step buffer as CSV lines. String(x) is the shortest
 * text that reads back to the same double, so the CSV loses nothing.
 */
export function stepCsvRows(steps: StepRecords, withValLoss = false): string {
  const { step, epoch, w1, w2, batchLoss, loss, valLoss } = steps;
  let text = '';
  if (withValLoss) {
    for (let i = 0; i < steps.length; i++) text += `${step[i]},${epoch[i]},${w1[i]},${w2[i]},${batchLoss[i]},${loss[i]},${valLoss ? valLoss[i] : NaN}\n`;
    return text;
  }
  for (let i = 0; i < steps.length; i++) {
    text += `${step[i]},${epoch[i]},${w1[i]},${w2[i]},${batchLoss[i]},${loss[i]}\n`;
  }
  return text;
}

/** Rows 0 … length−1 of the epoch records as CSV lines, exact like stepCsvRows. */
export function epochCsvRows(epochs: EpochRecords, withValLoss = false): string {
  const { epoch, step, loss, meanBatchLoss, w1, w2, valLoss } = epochs;
  let text = '';
  for (let i = 0; i < epochs.length; i++) {
    const tail = withValLoss ? `,${valLoss ? valLoss[i] : NaN}` : '';
    text += `${epoch[i]},${step[i]},${loss[i]},${meanBatchLoss[i]},${w1[i]},${w2[i]}${tail}\n`;
  }
  return text;
}

/**
 * A CSV comment line naming every setting as `name=value`, each value in the
 * form the URL and the CLI read back. Readers skip it with `comment='#'`
 * (pandas) or `comment.char = '#'` (R).
 */
export function settingsCsvComment(settings: Settings): string {
  return `# settings: ${settingsToEntries(settings, null)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')}\n`;
}
