// What the CLI prints, as pure functions of a finished run, so the wording is
// tested without spawning the tool. The JSON and CSV shapes are the core's
// run report, shared with the page's export buttons.
import { approxNumber, RANDOM_WEIGHT_RANGE, stableLrApplies, startWeights } from '../core/index.ts';
import { settingsToEntries } from '../core/settingsText.ts';
import type { Settings } from '../core/settings.ts';
import type { Schedule } from '../core/types.ts';
import type { RunReport } from '../core/runReport.ts';
import { hasValidation } from '../core/runReport.ts';
import { TEXT_WIDTH, wrap } from './wrap.ts';

export { epochRows, hasValidation, reportJson, STEP_CSV_HEADER as CSV_HEADER, stepCsvHeader as csvHeader, stepCsvRows as csvRows } from '../core/runReport.ts';
export type { EpochRow, ReportJson, RunOutcome, RunReport } from '../core/runReport.ts';

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
  const left = n % b;
  if (drop && left !== 0) sizes = `all of ${b}; ${left === 1 ? 'the last example of each epoch is' : `the last ${left} examples of each epoch are`} dropped`;
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
    ...wrap(`Settings: ${all.join(' ')}`, '', TEXT_WIDTH, '          '),
    `Steps per epoch: ${stepsPerEpochText(settings, schedule)}`,
    `Total steps: ${schedule.totalSteps} over ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}`,
  ];
  if (settings.init === 'random') {
    const [s1, s2] = startWeights(settings);
    lines.push(`Start: w = ${pair(s1, s2)}, drawn by init=random uniformly from [−${RANDOM_WEIGHT_RANGE}, ${RANDOM_WEIGHT_RANGE}]² (w0 unused)`);
  }
  if (settings.model === 'deep' && optimum.product !== undefined) {
    lines.push(
      `Optimum: any w with w1·w2 = ${readable(optimum.product)} (nearest the diagonal: w = ${pair(optimum.w[0], optimum.w[1])}), loss ${readable(optimum.loss)}`,
    );
  } else {
    lines.push(`Optimum: w = ${pair(optimum.w[0], optimum.w[1])}, loss ${readable(optimum.loss)}`);
  }
  if (optimum.status !== 'unique' && optimum.message) lines.push(`  ${optimum.message}`);
  const ratio = settings.lr / report.maxStableLr;
  if (stableLrApplies(settings)) {
    const momentum = settings.mom > 0 ? ` with momentum ${settings.mom}` : '';
    lines.push(
      `Largest stable learning rate${momentum}: ${readable(report.maxStableLr)}` +
        (Number.isFinite(ratio) && ratio > 0 ? ` (lr ${settings.lr} is ${approxNumber(ratio * 100)}% of it)` : ''),
    );
  } else {
    lines.push(`Largest stable learning rate of plain SGD: ${readable(report.maxStableLr)} (it does not bound the steps of ${settings.optimizer})`);
  }
  if (report.stableLrAt) {
    lines.push(
      `  The deep model's curvature depends on the weights: that is the rate at the flattest minimum; ` +
        `at the start w0 it is ${readable(report.stableLrAt.start)}, at the final weights ${readable(report.stableLrAt.final)}.`,
    );
  }
  lines.push('');
  const withVal = hasValidation(settings);
  const rows = tableRowIndices(epochs.length).map((i) => {
    const cells = [String(epochs.epoch[i]), String(epochs.step[i]), readable(epochs.loss[i]), readable(epochs.meanBatchLoss[i]), readable(epochs.w1[i]), readable(epochs.w2[i])];
    // Keras's val_loss, measured at the epoch's end like the loss column.
    if (withVal) cells.push(readable(epochs.valLoss ? epochs.valLoss[i] : NaN));
    return cells;
  });
  const header = ['epoch', 'step', 'loss', 'mean batch loss', 'w1', 'w2', ...(withVal ? ['val loss'] : [])];
  if (rows.length > 0) lines.push(...table(header, rows));
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
