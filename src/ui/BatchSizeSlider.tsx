// Batch size spans 1 … n (up to a million), so the slider moves on a log scale;
// its keys step through batch sizes, not positions; quick choices give the two
// extremes learners ask about: 1 (pure SGD) and n (full batch).
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

/** PageUp and PageDown move a tenth of the track: a factor n^(1/10). */
const PAGE_TICKS = TICKS / 10;

/** b moved by `ticks` slider ticks, and always to a different b while one is left: near b = 1 a tick rounds back to the same b. */
function stepBatch(b: number, n: number, ticks: number): number {
  const moved = sliderToBatch(Math.max(0, Math.min(TICKS, batchToSlider(b, n) + ticks)), n);
  if (ticks > 0) return Math.min(n, Math.max(moved, b + 1));
  return Math.max(1, Math.min(moved, b - 1));
}

/**
 * The batch size after a key on the slider, or undefined for a key it leaves
 * to the page. The browser's own stepping moves the position one tick, which
 * at small b rounds back to the same b, so the slider steps itself: ← ↓ and
 * → ↑ to the previous and next batch size, PageDown and PageUp a tenth of the
 * track, Home 1 and End n.
 */
export function batchAfterKey(key: string, b: number, n: number): number | undefined {
  if (n <= 1) return undefined;
  const from = Math.max(1, Math.min(n, b));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return stepBatch(from, n, -1);
    case 'ArrowRight':
    case 'ArrowUp':
      return stepBatch(from, n, 1);
    case 'PageDown':
      return stepBatch(from, n, -PAGE_TICKS);
    case 'PageUp':
      return stepBatch(from, n, PAGE_TICKS);
    case 'Home':
      return 1;
    case 'End':
      return n;
    default:
      return undefined;
  }
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
        onKeyDown={(e) => {
          const next = e.ctrlKey || e.metaKey || e.altKey ? undefined : batchAfterKey(e.key, b, n);
          if (next === undefined) return;
          e.preventDefault();
          if (next !== b) set(next);
        }}
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
