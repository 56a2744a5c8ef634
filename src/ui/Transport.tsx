// Play controls. Keyboard shortcuts are bound by the app; the titles say them.
import type { RunStatus } from '../store/runTypes.ts';

export const SPEEDS: readonly { label: string; value: number | 'max' }[] = [
  { label: '2 steps/s', value: 2 },
  { label: '10 steps/s', value: 10 },
  { label: '60 steps/s', value: 60 },
  { label: '600 steps/s', value: 600 },
  { label: 'as fast as possible', value: 'max' },
];

export interface TransportProps {
  status: RunStatus;
  speed: number | 'max';
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onStepEpoch(): void;
  onReset(): void;
  onSpeed(speed: number | 'max'): void;
}

export function Transport(props: TransportProps) {
  const running = props.status === 'running';
  const finished = props.status === 'done' || props.status === 'diverged';
  return (
    <div className="transport" role="group" aria-label="Playback">
      <button
        type="button"
        className="primary"
        data-testid="play"
        aria-pressed={running}
        title={running ? 'Pause (space)' : 'Play (space)'}
        disabled={finished}
        onClick={running ? props.onPause : props.onPlay}
      >
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" data-testid="step" title="One gradient step (→)" disabled={finished} onClick={props.onStep}>
        Step
      </button>
      <button type="button" data-testid="step-epoch" title="To the end of this epoch (shift+→)" disabled={finished} onClick={props.onStepEpoch}>
        Step epoch
      </button>
      <button type="button" data-testid="reset" title="Back to step 0 (r)" onClick={props.onReset}>
        Reset
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          data-testid="speed"
          aria-label="Speed"
          value={String(props.speed)}
          onChange={(e) => props.onSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={String(s.value)} value={String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
