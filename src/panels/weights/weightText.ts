// The weight-space panel's words: axis titles and the summary a screen reader
// gets in place of the drawing.
import type { RunView } from '../../store/runTypes.ts';
import { countOf, formatValue } from '../shared/format.ts';
import type { RunPath } from './weightScene.ts';

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
      : `${run.name}: starts at w1 = ${formatValue(run.settings.w0[0])}, w2 = ${formatValue(run.settings.w0[1])}`;
  });
  if (product !== null) parts.push(`best fits: every w1·w2 = ${formatValue(product)}`);
  else if (optimum) parts.push(`best fit w* = (${formatValue(optimum[0])}, ${formatValue(optimum[1])})`);
  return `Weight-space paths over the full-data loss contours. ${parts.join('; ')}.`;
}
