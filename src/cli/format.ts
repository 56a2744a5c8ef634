// What the CLI prints, as pure functions of a finished run, so the wording and
// the JSON shape are tested without spawning the tool.
import { STEP_COLUMNS } from '../core/records.ts';
import type { EpochRecords, StepRecords } from '../core/records.ts';
import { approxNumber } from '../core/index.ts';
import { settingsToEntries } from '../core/settings.ts';
import type { Settings } from '../core/settings.ts';
import type { Optimum, Schedule } from '../core/types.ts';
import { wrap } from './wrap.ts';

const SUMMARY_WIDTH = 88;

export type RunOutcome = 'done' | 'diverged';

/** Everything the summary and the JSON report: the run's shape, its answer, and one row per epoch. */
export interface RunReport {
  readonly settings: Settings;
  readonly schedule: Schedule;
  readonly optimum: Optimum;
  readonly maxStableLr: number;
  readonly epochs: EpochRecords;
  readonly final: { readonly step: number; readonly w1: number; readonly w2: number; readonly loss: number };
  readonly status: RunOutcome;
  readonly message: string | null;
}

export interface EpochRow {
  epoch: number;
  step: number;
  loss: number;
  meanBatchLoss: number;
  w: [number, number];
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
  epochs: EpochRow[];
  final: { step: number; w: [number, number]; loss: number };
  status: RunOutcome;
  message?: string;
}

export function epochRows(epochs: EpochRecords): EpochRow[] {
  const rows: EpochRow[] = [];
  for (let i = 0; i < epochs.length; i++) {
    rows.push({
      epoch: epochs.epoch[i],
      step: epochs.step[i],
      loss: epochs.loss[i],
      meanBatchLoss: epochs.meanBatchLoss[i],
      w: [epochs.w1[i], epochs.w2[i]],
    });
  }
  return rows;
}

/** The `--json` object. Serialise with JSON.stringify, which writes non-finite numbers as null. */
export function reportJson(report: RunReport): ReportJson {
  const { settings, schedule, optimum, final } = report;
  const out: ReportJson = {
    settings: { ...settings, w0: [settings.w0[0], settings.w0[1]] },
    stepsPerEpoch: schedule.stepsPerEpoch,
    lastBatchSize: schedule.lastBatchSize,
    totalSteps: schedule.totalSteps,
    optimum: [optimum.w[0], optimum.w[1]],
    optimumLoss: optimum.loss,
    maxStableLr: report.maxStableLr,
    epochs: epochRows(report.epochs),
    final: { step: final.step, w: [final.w1, final.w2], loss: final.loss },
    status: report.status,
  };
  if (settings.model === 'deep' && optimum.product !== undefined) out.optimumProduct = optimum.product;
  if (optimum.status !== 'unique' && optimum.message) out.optimumMessage = optimum.message;
  if (report.message !== null) out.message = report.message;
  return reorder(out);
}

/** Keys in the documented order, whichever optional ones are present. */
function reorder(json: ReportJson): ReportJson {
  const order: (keyof ReportJson)[] = [
    'settings',
    'stepsPerEpoch',
    'lastBatchSize',
    'totalSteps',
    'optimum',
    'optimumLoss',
    'optimumProduct',
    'optimumMessage',
    'maxStableLr',
    'epochs',
    'final',
    'status',
    'message',
  ];
  const out: Record<string, unknown> = {};
  for (const key of order) if (json[key] !== undefined) out[key] = json[key];
  return out as unknown as ReportJson;
}

export const CSV_HEADER = `${STEP_COLUMNS.join(',')}\n`;

/**
 * Rows 0 … length−1 of a step buffer as CSV lines. String(x) is the shortest
 * text that reads back to the same double, so the CSV loses nothing.
 */
export function csvRows(steps: StepRecords): string {
  const { step, epoch, w1, w2, batchLoss, loss } = steps;
  let text = '';
  for (let i = 0; i < steps.length; i++) {
    text += `${step[i]},${epoch[i]},${w1[i]},${w2[i]},${batchLoss[i]},${loss[i]}\n`;
  }
  return text;
}

/** Six significant digits, exponent form outside 1e-4 … 1e6; for people, not for reading back. */
export function readable(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-4)) return value.toExponential(4);
  return String(Number(value.toPrecision(6)));
}

/** Summary tables longer than this show evenly spaced epochs (first and last always). */
export const MAX_TABLE_ROWS = 40;
const THINNED_ROWS = 21;

/** Which epoch rows the summary table shows. */
export function tableRowIndices(count: number): number[] {
  if (count <= MAX_TABLE_ROWS) return Array.from({ length: count }, (_, i) => i);
  const picked = new Set<number>();
  for (let j = 0; j < THINNED_ROWS; j++) picked.add(Math.round((j * (count - 1)) / (THINNED_ROWS - 1)));
  return [...picked].sort((a, b) => a - b);
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(header), ...rows.map(line)];
}

function stepsPerEpochText(settings: Settings, schedule: Schedule): string {
  const { batchesPerEpoch, stepsPerEpoch, lastBatchSize } = schedule;
  const { n, b, k, drop } = settings;
  const batches = batchesPerEpoch === 1 ? '1 batch' : `${batchesPerEpoch} batches`;
  const perBatch = k > 1 ? ` × ${k} steps on each` : '';
  let sizes: string;
  if (drop && n % b !== 0) sizes = `all of ${b}; the last ${n % b} examples of each epoch are dropped`;
  else if (lastBatchSize === b) sizes = `all of ${b}`;
  else sizes = `${batchesPerEpoch - 1} of ${b} and a last batch of ${lastBatchSize}`;
  if (settings.shuffle === 'batches' && lastBatchSize !== b) sizes += ', which lands anywhere as the batches are shuffled';
  return `${stepsPerEpoch} (${batches}${perBatch}: ${sizes})`;
}

function pair(w1: number, w2: number): string {
  return `(${readable(w1)}, ${readable(w2)})`;
}

/** The readable summary printed without --json/--csv. */
export function summaryText(report: RunReport): string {
  const { settings, schedule, optimum, final, epochs } = report;
  const all = settingsToEntries(settings, null).map(([name, value]) => `${name}=${value}`);
  const lines: string[] = [
    ...wrap(`Settings: ${all.join(' ')}`, '', SUMMARY_WIDTH, '          '),
    `Steps per epoch: ${stepsPerEpochText(settings, schedule)}`,
    `Total steps: ${schedule.totalSteps} over ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}`,
  ];
  if (settings.model === 'deep' && optimum.product !== undefined) {
    lines.push(
      `Optimum: any w with w1·w2 = ${readable(optimum.product)} (nearest the diagonal: w = ${pair(optimum.w[0], optimum.w[1])}), loss ${readable(optimum.loss)}`,
    );
  } else {
    lines.push(`Optimum: w = ${pair(optimum.w[0], optimum.w[1])}, loss ${readable(optimum.loss)}`);
  }
  if (optimum.status !== 'unique' && optimum.message) lines.push(`  ${optimum.message}`);
  const ratio = settings.lr / report.maxStableLr;
  const momentum = settings.mom > 0 ? ` with momentum ${settings.mom}` : '';
  lines.push(
    `Largest stable learning rate${momentum}: ${readable(report.maxStableLr)}` +
      (Number.isFinite(ratio) && ratio > 0 ? ` (lr ${settings.lr} is ${approxNumber(ratio * 100)}% of it)` : ''),
    '',
  );
  const rows = tableRowIndices(epochs.length).map((i) => [
    String(epochs.epoch[i]),
    String(epochs.step[i]),
    readable(epochs.loss[i]),
    readable(epochs.meanBatchLoss[i]),
    readable(epochs.w1[i]),
    readable(epochs.w2[i]),
  ]);
  if (rows.length > 0) lines.push(...table(['epoch', 'step', 'loss', 'mean batch loss', 'w1', 'w2'], rows));
  else lines.push('No epoch was completed.');
  if (rows.length < epochs.length) lines.push(`(${rows.length} of ${epochs.length} epochs shown; --json or --csv give them all)`);
  lines.push('');
  if (report.status === 'diverged') {
    lines.push(`Diverged at step ${final.step}: w = ${pair(final.w1, final.w2)}, loss ${readable(final.loss)}`);
  } else {
    lines.push(`Final: step ${final.step}, w = ${pair(final.w1, final.w2)}, loss ${readable(final.loss)}`);
  }
  return `${lines.join('\n')}\n`;
}
