// The data chart's place in the shared plot frame: its margin, and the data's
// padded extents as the axes' domains.
import { makeFrame, type Margin, type PlotFrame } from '../shared/plotFrame.ts';

// The bottom margin fits the tick labels and, under them without touching, the axis title.
export const DATA_MARGIN: Margin = { top: 6, right: 8, bottom: 33, left: 36 };

/** `margin` is the screen's unless an export lays the chart out with room for larger labels. */
export function dataFrame(x: readonly [number, number], y: readonly [number, number], width: number, height: number, margin: Margin = DATA_MARGIN): PlotFrame {
  return makeFrame(margin, width, height, { domain: x }, { domain: y });
}
