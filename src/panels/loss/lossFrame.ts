// The loss chart's place in the shared plot frame: its margin, an x-axis over
// the window shown (log: step 0 at its left edge), and a y-axis that pins
// losses off it beyond the plot, where the clipped canvas cuts the curve off,
// so nothing off the axis is ever drawn as a flat line along it.
import type { YScaleMode } from './lossDomain.ts';
import { makeFrame, type Margin, type PlotFrame } from '../shared/plotFrame.ts';
import type { XWindow } from './xWindow.ts';

export const LOSS_MARGIN: Margin = { top: 10, right: 14, bottom: 34, left: 50 };

/** Pixels beyond the plot where off-axis losses are pinned: past the canvas clip (LossStyle.edgePad) so they are never seen. */
export const OFF_AXIS_OVERSHOOT = 40;

export interface FrameLayout {
  readonly window: Pick<XWindow, 'domain' | 'log'>;
  readonly yDomain: readonly [number, number];
}

/** `margin` is the screen's unless an export lays the chart out with room for larger labels. */
export function lossFrame(layout: FrameLayout, width: number, height: number, mode: YScaleMode, margin: Margin = LOSS_MARGIN): PlotFrame {
  const { domain, log } = layout.window;
  return makeFrame(
    margin,
    width,
    height,
    log ? { domain, log, floor: domain[0] } : { domain },
    { domain: layout.yDomain, log: mode === 'log', overshoot: OFF_AXIS_OVERSHOOT },
  );
}
