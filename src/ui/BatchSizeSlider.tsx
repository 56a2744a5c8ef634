// Batch size spans 1 … n (up to a million), so the slider moves on a log scale;
// quick choices give the two extremes learners ask about: 1 (pure SGD) and n (full batch).
import { formatCount } from '../core/format.ts';
import type { Settings } from '../core/settings.ts';

export interface BatchSizeSliderProps {
  settings: Settings;
  onChange(next: Settings): void;
}

const TICKS = 1000;

export function sliderToBatch(position: number, n: number): number {
  return Math.max(1, Math.min(n, Math.round(Math.exp((position / TICKS) * Math.log(n)))));
}

export function batchToSlider(b: number, n: number): number {
  return n <= 1 ? 0 : Math.round((Math.log(b) / Math.log(n)) * TICKS);
}

export function BatchSizeSlider({ settings, onChange }: BatchSizeSliderProps) {
  const { n, b } = settings;
  const set = (next: number) => onChange({ ...settings, b: next });
  return (
    <>
      <input
        type="range"
        min={0}
        max={TICKS}
        value={batchToSlider(b, n)}
        aria-label="batch size (log scale)"
        aria-valuetext={`batch size ${formatCount(b)}`}
        data-testid="batch-slider"
        disabled={n <= 1}
        onChange={(e) => set(sliderToBatch(Number(e.target.value), n))}
      />
      <span className="quick" role="group" aria-label="batch size quick choices">
        <button type="button" onClick={() => set(1)} aria-label="batch size 1" data-testid="b-one">
          1
        </button>
        <button type="button" onClick={() => set(n)} aria-label={`batch size n (${formatCount(n)})`} data-testid="b-all">
          n
        </button>
      </span>
    </>
  );
}
