// Where each run is now, in one line: the counters that tell steps, batches
// and epochs apart, and both losses. The values carry stable test ids and
// machine-readable data-value attributes, so tests never parse display text.
import { validationSize } from '../core/data.ts';
import type { RunView } from '../store/runTypes.ts';
import { primaryRun } from '../store/selectors.ts';
import { formatCount, formatEpochs, formatValue } from '../panels/shared/format.ts';
import { examplesSeen, stepPlanOf } from '../panels/shared/xAxis.ts';
import './statusLine.css';

export interface StatusLineProps {
  /** All runs; hidden ones are not listed. */
  readonly runs: readonly RunView[];
  /** The run shown in full; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
}

const STATE_WORDS: Readonly<Record<RunView['status'], string>> = {
  idle: 'ready',
  running: 'running',
  paused: 'paused',
  done: 'done',
  diverged: 'diverged',
  error: 'error',
};

interface ItemProps {
  readonly label: string;
  readonly testId: string;
  readonly value: number | string;
  readonly text: string;
}

function Item({ label, testId, value, text }: ItemProps) {
  return (
    <span className="status-item">
      <span className="status-label">{label}</span>
      <span data-testid={testId} data-value={String(value)}>
        {text}
      </span>
    </span>
  );
}

interface RowProps {
  readonly run: RunView;
  readonly primary: boolean;
  /** Whether the rows show the learning rate: when any listed run decays it, every row does. */
  readonly showLr: boolean;
}

/**
 * One run's row. Every row shows the same fields, so two runs of a comparison
 * can be read against each other (313 against 312 steps per epoch); the rows
 * other than the primary one are only set smaller.
 */
function RunStatusRow({ run, primary, showLr }: RowProps) {
  const plan = stepPlanOf(run.schedule, run.settings);
  const { cursor } = run;
  const id = (field: string): string => (primary ? `status-${field}` : `status-${field}-${run.id}`);
  const epochs = cursor.step / plan.stepsPerEpoch;
  const started = cursor.step > 0;
  const examples = examplesSeen(cursor.step, plan);
  const batches = formatCount(run.schedule.batchesPerEpoch);
  return (
    <div className={`status-run${primary ? ' primary' : ' secondary'}`} data-run-id={run.id}>
      <span className="status-name">
        <span className="swatch" style={{ background: run.color, width: 10, height: 10, display: 'inline-block', borderRadius: 2 }} aria-hidden="true" />
        {run.name}
      </span>
      <Item label="step" testId={id('step')} value={cursor.step} text={formatCount(cursor.step)} />
      <Item label="epoch" testId={id('epoch')} value={epochs} text={`${formatEpochs(epochs)} of ${formatCount(run.settings.epochs)}`} />
      <Item
        label="batch"
        testId={id('batch')}
        value={cursor.batchInEpoch}
        text={started ? `${formatCount(cursor.batchInEpoch)} of ${batches}` : `— of ${batches}`}
      />
      <Item label="steps/epoch" testId={id('steps-per-epoch')} value={run.schedule.stepsPerEpoch} text={formatCount(run.schedule.stepsPerEpoch)} />
      <Item label="examples seen" testId={id('examples')} value={examples} text={formatCount(examples)} />
      <Item label="full loss" testId={id('loss')} value={cursor.loss} text={formatValue(cursor.loss)} />
      <Item label="batch loss" testId={id('batch-loss')} value={cursor.batchLoss} text={formatValue(cursor.batchLoss)} />
      {validationSize(run.settings) > 0 ? <Item label="val loss" testId={id('val-loss')} value={cursor.valLoss} text={formatValue(cursor.valLoss)} /> : null}
      <Item label="w1" testId={id('w1')} value={cursor.w1} text={formatValue(cursor.w1)} />
      <Item label="w2" testId={id('w2')} value={cursor.w2} text={formatValue(cursor.w2)} />
      {showLr ? <Item label="lr" testId={id('lr')} value={cursor.lr} text={formatValue(cursor.lr)} /> : null}
      <span className="status-item">
        <span data-testid={id('state')} data-value={run.status} className={`status-state-${run.status}`}>
          {STATE_WORDS[run.status]}
        </span>
      </span>
      {run.message ? (
        <span className="status-message" data-testid={id('message')}>
          {run.message}
        </span>
      ) : null}
    </div>
  );
}

export function StatusLine({ runs, primaryRunId = null }: StatusLineProps) {
  const visible = runs.filter((r) => r.visible);
  const primary = primaryRun(visible, primaryRunId);
  if (!primary) {
    return (
      <div className="status-line" data-testid="status-line" role="group" aria-label="Training status">
        <span>No visible run.</span>
      </div>
    );
  }
  const showLr = visible.some((r) => r.settings.decay > 0);
  return (
    <div className="status-line" data-testid="status-line" role="group" aria-label="Training status">
      <RunStatusRow run={primary} primary showLr={showLr} />
      {visible
        .filter((r) => r !== primary)
        .map((r) => (
          <RunStatusRow key={r.id} run={r} primary={false} showLr={showLr} />
        ))}
    </div>
  );
}
