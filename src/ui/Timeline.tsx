// The timeline: a scrubber over every step the primary run has taken. Moving
// it shows every panel as it was at that step (the store replays the exact
// state); Play goes on from there. Arrow keys move one step, shift+arrows a
// whole epoch, Home and End the first and the last step run.
import type { KeyboardEvent } from 'react';
import { formatCount as count } from '../panels/shared/format.ts';
import './timeline.css';

export interface TimelineProps {
  /** Steps the primary run has taken: the scrubber's end. */
  reached: number;
  /** The step looked at, or null when the page shows now. */
  looking: number | null;
  stepsPerEpoch: number;
  onLook(step: number | null): void;
}

function epochWords(step: number, stepsPerEpoch: number): string {
  if (step === 0) return 'the start, before any step';
  const epoch = Math.ceil(step / stepsPerEpoch);
  const batch = step - (epoch - 1) * stepsPerEpoch;
  return `epoch ${epoch}, batch ${batch} of ${stepsPerEpoch}`;
}

export function Timeline({ reached, looking, stepsPerEpoch, onLook }: TimelineProps) {
  const step = looking ?? reached;
  const look = (next: number) => onLook(next >= reached ? null : Math.max(0, next));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    // A whole epoch: to the previous or the next epoch boundary.
    const boundary = event.key === 'ArrowLeft' ? Math.ceil(step / stepsPerEpoch) - 1 : Math.floor(step / stepsPerEpoch) + 1;
    look(boundary * stepsPerEpoch);
  };
  const where = `step ${count(step)} of ${count(reached)}, ${epochWords(step, stepsPerEpoch)}`;
  return (
    <div className="timeline" data-testid="timeline" data-looking={looking !== null}>
      <label className="timeline-label" htmlFor="timeline-range">
        {looking === null ? 'Timeline' : 'Looking back'}
      </label>
      <input
        id="timeline-range"
        data-testid="timeline-range"
        type="range"
        min={0}
        max={Math.max(reached, 0)}
        step={1}
        value={step}
        disabled={reached === 0}
        aria-label="Timeline: the step every panel shows"
        aria-valuetext={where}
        onChange={(event) => look(Number(event.target.value))}
        onKeyDown={onKeyDown}
      />
      <span className="timeline-where" data-testid="timeline-where" aria-hidden="true">
        {looking === null ? `now: ${where}` : where}
      </span>
      {looking !== null && (
        <button type="button" data-testid="timeline-now" onClick={() => onLook(null)} title="Show where the runs are now">
          Back to now
        </button>
      )}
    </div>
  );
}
