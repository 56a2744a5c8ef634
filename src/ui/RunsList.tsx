// The runs on the charts: each with its colour, name, visibility and a remove
// button, plus the one-click comparisons.
import type { ComparisonKind } from '../store/comparisons.ts';
export interface RunsListItem {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  status: string;
}

export interface RunsListProps {
  runs: readonly RunsListItem[];
  onToggle(id: string): void;
  onRemove(id: string): void;
  onKeep(): void;
  onCompare(kind: ComparisonKind): void;
}

export function RunsList({ runs, onToggle, onRemove, onKeep, onCompare }: RunsListProps) {
  return (
    <section className="runs" aria-label="Runs">
      <div className="runs-actions">
        <button type="button" data-testid="keep-run" onClick={onKeep} title="The current run stays on the charts; the next setting change starts a new one">
          Keep this run
        </button>
        <button type="button" data-testid="compare-shuffle" onClick={() => onCompare('shuffle')} title="Five runs from the same data, seed and start: none, once, epoch, batches, replacement">
          Compare shuffles
        </button>
        <button type="button" data-testid="compare-batch" onClick={() => onCompare('batch')} title="Runs with batch size 1, the current b, and n, from the same data and start">
          Compare batch sizes
        </button>
        <button
          type="button"
          data-testid="compare-optimizer"
          onClick={() => onCompare('optimizer')}
          title="Runs with SGD, Adam and RMSprop at the same learning rate, from the same data and start"
        >
          Compare optimizers
        </button>
      </div>
      {runs.length > 1 && (
        <ul className="run-list" data-testid="run-list">
          {runs.map((run) => (
            <li key={run.id} className={run.visible ? '' : 'hidden-run'}>
              <label className="inline">
                <input type="checkbox" checked={run.visible} onChange={() => onToggle(run.id)} aria-label={`show ${run.name}`} />
                <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
                <span className="run-name">{run.name}</span>
              </label>
              <span className="run-status">{run.status}</span>
              <button type="button" className="icon" aria-label={`remove ${run.name}`} onClick={() => onRemove(run.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
