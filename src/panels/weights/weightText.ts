// The weight-space panel's words: axis titles and the summary a screen reader
// gets in place of the drawing.
import { startWeights } from '../../core/init.ts';
import type { RunView } from '../../store/runTypes.ts';
import { countOf, formatValue } from '../shared/format.ts';
import type { RunPath } from './weightScene.ts';

/** The panel's title, on screen and in its exports. */
export const WEIGHT_TITLE = 'Weight space: full-data loss over (w1, w2)';

/** How to read the contours, under an exported chart's legend (the page's caption says it while nothing is hovered). */
export const CONTOUR_NOTE = 'Contours: full-data loss; lighter = lower loss.';

export function axisTitles(run: RunView | undefined): [string, string] {
  if (!run) return ['w1', 'w2'];
  if (run.settings.model === 'deep') return ['w1 (first layer)', 'w2 (second layer)'];
  if (run.settings.data === 'line') return ['w1 (slope)', 'w2 (intercept)'];
  return ['w1', 'w2'];
}

export function summary(paths: readonly RunPath[], optimum: readonly [number, number] | null, product: number | null): string {
  const parts = paths.map(({ run }) => {
    const c = run.cursor;
    return c.step > 0
      ? `${run.name}: ${countOf(run.epochs.length, 'epoch')} done, now at w1 = ${formatValue(c.w1)}, w2 = ${formatValue(c.w2)}`
      : `${run.name}: starts at w1 = ${formatValue(startWeights(run.settings)[0])}, w2 = ${formatValue(startWeights(run.settings)[1])}`;
  });
  if (product !== null) parts.push(`best fits: every w1·w2 = ${formatValue(product)}`);
  else if (optimum) parts.push(`best fit w* = (${formatValue(optimum[0])}, ${formatValue(optimum[1])})`);
  return `Weight-space paths over the full-data loss contours. ${parts.join('; ')}.`;
}

/** The line under the plot: the weights and loss under the pointer, else a note on the optimum, else how to use the plot. */
export function weightCaption(hover: { readonly w1: number; readonly w2: number; readonly loss: number } | null, optimumNote: string | undefined, canPick: boolean): string {
  if (hover) return `w1 ${formatValue(hover.w1)} · w2 ${formatValue(hover.w2)} · loss ${formatValue(hover.loss)}${canPick ? ' · click (touch: hold) to start here' : ''}`;
  if (optimumNote) return optimumNote;
  return `Lighter = lower loss. Drag to pan, wheel, pinch or +/− to zoom${canPick ? ', click (or press and hold) to set the start' : ''}.`;
}
