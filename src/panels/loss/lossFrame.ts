// The loss chart's place in the shared plot frame: its margin, and a y-axis
// that pins losses off the axis onto its edge (a diverged run stays visible).
import type { YScaleMode } from './lossDomain.ts';
import { makeFrame, type Margin, type PlotFrame } from '../shared/plotFrame.ts';

export const LOSS_MARGIN: Margin = { top: 10, right: 14, bottom: 34, left: 50 };

export function lossFrame(layout: { readonly xDomain: readonly [number, number]; readonly yDomain: readonly [number, number] }, width: number, height: number, mode: YScaleMode): PlotFrame {
  return makeFrame(LOSS_MARGIN, width, height, { domain: layout.xDomain }, { domain: layout.yDomain, log: mode === 'log', clamp: true });
}
