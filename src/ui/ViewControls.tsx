// The view of the loss chart: shared by every run and kept in the link.
import { MAX_SMOOTH, withXAxis, X_AXES, type ViewState } from '../url/view.ts';

export interface ViewControlsProps {
  view: ViewState;
  onChange(view: ViewState): void;
}

const X_LABELS: Record<ViewState['x'], string> = { steps: 'gradient steps', epochs: 'epochs', examples: 'examples seen' };

export function ViewControls({ view, onChange }: ViewControlsProps) {
  return (
    <div className="view-controls" role="group" aria-label="Loss chart view">
      <span className="segmented" role="radiogroup" aria-label="x-axis">
        <span className="seg-label" aria-hidden="true">x:</span>
        {X_AXES.map((x) => (
          <button
            key={x}
            type="button"
            role="radio"
            aria-checked={view.x === x}
            data-testid={`x-${x}`}
            className={view.x === x ? 'on' : ''}
            onClick={() => onChange(withXAxis(view, x))}
          >
            {X_LABELS[x]}
          </button>
        ))}
      </span>
      <label className="inline">
        <input type="checkbox" data-testid="log-y" checked={view.y === 'log'} onChange={(e) => onChange({ ...view, y: e.target.checked ? 'log' : 'linear' })} />
        log y
      </label>
      <label className="inline">
        <input type="checkbox" data-testid="log-x" checked={view.logx} onChange={(e) => onChange({ ...view, logx: e.target.checked })} />
        log x
      </label>

      <label className="inline">
        smoothing
        <input
          type="range"
          min={0}
          max={MAX_SMOOTH}
          step={0.01}
          value={view.smooth}
          data-testid="smoothing"
          aria-valuetext={view.smooth === 0 ? 'off' : view.smooth.toFixed(2)}
          onChange={(e) => onChange({ ...view, smooth: Number(e.target.value) })}
        />
        <output>{view.smooth === 0 ? 'off' : view.smooth.toFixed(2)}</output>
      </label>
    </div>
  );
}
