// Buttons that download the shown runs: one JSON of every run, and one steps
// CSV and one epochs CSV per run. The text comes from store/export, which
// recomputes every step; this file only turns it into downloads and says
// what happened (or why nothing did) in a polite live region. store/export is
// loaded on the first export: the page draws without it.
import { useId, useRef, useState } from 'react';
import type { ExportFile, ExportKind } from '../store/export/index.ts';
import { loadPart } from '../panels/shared/lazyPart.ts';
import type { RunView } from '../store/runTypes.ts';

export interface ExportMenuProps {
  runs: readonly RunView[];
}

/** Long enough for any browser to have read the file before its URL is released. */
export const OBJECT_URL_LIFETIME_MS = 10_000;

interface ExportButton {
  kind: ExportKind;
  label: string;
  description: string;
}

const BUTTONS: readonly ExportButton[] = [
  { kind: 'json', label: 'JSON', description: 'One JSON file with every shown run: its settings, every epoch and every step up to where it stands.' },
  { kind: 'steps-csv', label: 'steps CSV', description: 'One CSV file per shown run with every step up to where it stands.' },
  { kind: 'epochs-csv', label: 'epochs CSV', description: 'One CSV file per shown run with every completed epoch; never too large.' },
];

/** The browser APIs a download needs; a parameter so the download is tested without a page. */
export interface DownloadEnvironment {
  document: Pick<Document, 'createElement' | 'body'>;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

function browserEnvironment(): DownloadEnvironment {
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  };
}

/** Saves one file through a temporary `<a download>`, the one way every browser saves generated text. */
export function downloadFile(file: ExportFile, env: DownloadEnvironment = browserEnvironment()): void {
  const url = env.createObjectURL(new Blob([file.text], { type: `${file.type};charset=utf-8` }));
  const link = env.document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  env.document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the text stays in memory until then.
  env.setTimeout(() => env.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

export interface ExportOutcome {
  message: string;
  refused: boolean;
}

/** Builds the files of one button for the runs as they are now and saves each; says what was saved or why nothing was. */
export async function exportAndSave(kind: ExportKind, runs: readonly RunView[], save: (file: ExportFile) => void): Promise<ExportOutcome> {
  const { exportFiles } = await loadPart('the export code', () => import('../store/export/index.ts'));
  const result = exportFiles(kind, runs);
  if (result.refusal !== null) return { message: result.refusal, refused: true };
  for (const file of result.files) save(file);
  const names = result.files.map((file) => file.name).join(', ');
  return { message: `Downloaded ${result.files.length === 1 ? names : `${result.files.length} files: ${names}`}.`, refused: false };
}

export function ExportMenu({ runs }: ExportMenuProps) {
  const id = useId();
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const busyRef = useRef(false);

  const start = (button: ExportButton) => {
    if (busyRef.current) return;
    busyRef.current = true;
    // The runs as they are at the click; a playing run moves on meanwhile.
    const snapshot = runs;
    setBusy(button.kind);
    setOutcome({ message: `Preparing ${button.label}…`, refused: false });
    // Recomputing can take a second: let the browser paint "Preparing" first.
    requestAnimationFrame(() =>
      window.setTimeout(async () => {
        try {
          setOutcome(await exportAndSave(button.kind, snapshot, (file) => downloadFile(file)));
        } catch (error) {
          setOutcome({ message: `Export failed: ${error instanceof Error ? error.message : String(error)}`, refused: true });
        } finally {
          busyRef.current = false;
          setBusy(null);
        }
      }, 0),
    );
  };

  return (
    <div className="export-menu" role="group" aria-labelledby={`${id}-label`} aria-busy={busy !== null}>
      <span id={`${id}-label`} className="export-label">
        Export data
      </span>
      {BUTTONS.map((button) => (
        <button
          key={button.kind}
          type="button"
          data-testid={`export-${button.kind}`}
          title={button.description}
          aria-describedby={`${id}-${button.kind}`}
          aria-disabled={busy !== null}
          onClick={() => start(button)}
        >
          {button.label}
        </button>
      ))}
      {BUTTONS.map((button) => (
        <span key={button.kind} id={`${id}-${button.kind}`} className="visually-hidden">
          {button.description}
        </span>
      ))}
      <p role="status" aria-live="polite" data-testid="export-message" className={outcome?.refused ? 'export-message export-refusal' : 'export-message'}>
        {outcome?.message ?? ''}
      </p>
    </div>
  );
}
