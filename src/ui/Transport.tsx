// Play controls. Keyboard shortcuts are bound by the app; the titles say them.
import type { RunStatus } from '../store/runTypes.ts';
import { SPEED_CHOICES, type SpeedChoice } from '../url/view.ts';

const SPEED_LABELS: Record<string, string> = { max: 'as fast as possible' };
const speedLabel = (speed: SpeedChoice) => SPEED_LABELS[String(speed)] ?? `${speed} steps/s`;

export interface TransportProps {
  status: RunStatus;
  speed: SpeedChoice;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onStepEpoch(): void;
  onReset(): void;
  onSpeed(speed: SpeedChoice): void;
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
          onChange={(e) => props.onSpeed(SPEED_CHOICES.find((c) => String(c) === e.target.value) ?? 'max')}
        >
          {SPEED_CHOICES.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
