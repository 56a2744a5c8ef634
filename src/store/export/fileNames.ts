// Download names built from run names ("b=32, shuffle=epoch"), kept to
// characters every file system and shell accepts without quoting.
export const EXPORT_KINDS = ['json', 'steps-csv', 'epochs-csv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const FILE_PREFIX = 'epoch-lab';
/** Long enough for a run name of three settings; file systems allow 255 bytes. */
const MAX_STEM_LENGTH = 80;

/** A run name as part of a file name: letters, digits and `=._-`; anything else becomes '_'. */
export function fileStem(runName: string): string {
  const stem = runName
    .replace(/[^A-Za-z0-9=._-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, MAX_STEM_LENGTH)
    .replace(/[._-]+$/, '');
  return stem === '' ? 'run' : stem;
}

/** `epoch-lab_b=32_shuffle=epoch_steps.csv`, `…_epochs.csv`, or `….json` for one run's JSON. */
export function runFileName(kind: ExportKind, runName: string): string {
  const stem = `${FILE_PREFIX}_${fileStem(runName)}`;
  if (kind === 'json') return `${stem}.json`;
  return `${stem}_${kind === 'steps-csv' ? 'steps' : 'epochs'}.csv`;
}

/** The JSON of several runs in one file: `epoch-lab_3-runs.json`. */
export function runsJsonFileName(runCount: number): string {
  return `${FILE_PREFIX}_${runCount}-runs.json`;
}
