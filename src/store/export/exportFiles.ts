// What each export button downloads for the runs on the page: one JSON array
// with every visible run, and one CSV per visible run. All or nothing: when any
// run is over the limits nothing is produced and the refusal says why.
import type { EpochRecords } from '../../core/index.ts';
import type { RunView } from '../runTypes.ts';
import type { NamedRunAtStep } from './exportTypes.ts';
import { runFileName, runsJsonFileName, type ExportKind } from './fileNames.ts';
import { stepsExportRefusal } from './limits.ts';
import { allRunsJson, runEpochsCsv, runStepsCsv } from './runExport.ts';

export interface ExportFile {
  readonly name: string;
  /** MIME type of the download. */
  readonly type: 'application/json' | 'text/csv';
  readonly text: string;
}

export type ExportResult = { readonly files: readonly ExportFile[]; readonly refusal: null } | { readonly files: readonly []; readonly refusal: string };

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';

function refused(refusal: string): ExportResult {
  return { files: [], refusal };
}

function atCursor(run: RunView): NamedRunAtStep {
  return { name: run.name, settings: run.settings, step: run.cursor.step };
}

/**
 * The run's epoch rows up to its cursor. The page's epoch log grows in place
 * while a run plays, so it may already hold epochs past the cursor a caller
 * took a moment earlier.
 */
function epochsAtCursor(run: RunView): EpochRecords {
  const { epochs, cursor } = run;
  const { epoch, step, loss, meanBatchLoss, w1, w2 } = epochs;
  return { length: Math.min(epochs.length, cursor.epoch), capacity: epochs.capacity, epoch, step, loss, meanBatchLoss, w1, w2 };
}

/** Appends _2, _3 … to repeated names, so no download replaces another. */
function distinctNames(files: ExportFile[]): ExportFile[] {
  const seen = new Map<string, number>();
  return files.map((file) => {
    const times = (seen.get(file.name) ?? 0) + 1;
    seen.set(file.name, times);
    if (times === 1) return file;
    const dot = file.name.lastIndexOf('.');
    return { ...file, name: `${file.name.slice(0, dot)}_${times}${file.name.slice(dot)}` };
  });
}

/** Why a button would refuse before doing any work, or null; the epochs CSV is only refused when no run is shown. */
export function exportRefusal(kind: ExportKind, runs: readonly RunView[]): string | null {
  const visible = runs.filter((run) => run.visible).map(atCursor);
  if (visible.length === 0) return 'No run is shown: show a run in the list of runs to export it.';
  if (kind === 'epochs-csv') return null;
  if (kind === 'json') return stepsExportRefusal(visible);
  for (const run of visible) {
    const refusal = stepsExportRefusal([run]);
    if (refusal !== null) return visible.length > 1 ? `${refusal} (Nothing was exported; hide this run to export the others.)` : refusal;
  }
  return null;
}

/** The files a button downloads for the visible runs, each at the step its cursor shows. */
export function exportFiles(kind: ExportKind, runs: readonly RunView[]): ExportResult {
  const refusal = exportRefusal(kind, runs);
  if (refusal !== null) return refused(refusal);
  const visible = runs.filter((run) => run.visible);
  if (kind === 'json') {
    // Always an array, even of one run, so a script reads every export the same way.
    const name = visible.length === 1 ? runFileName('json', visible[0].name) : runsJsonFileName(visible.length);
    return { files: [{ name, type: JSON_TYPE, text: allRunsJson(visible.map(atCursor)) }], refusal: null };
  }
  const files = visible.map((run) => ({
    name: runFileName(kind, run.name),
    type: CSV_TYPE,
    text: kind === 'steps-csv' ? runStepsCsv(run.settings, run.cursor.step) : runEpochsCsv(run.settings, epochsAtCursor(run)),
  })) satisfies ExportFile[];
  return { files: distinctNames(files), refusal: null };
}
