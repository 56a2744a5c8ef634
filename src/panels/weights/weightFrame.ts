// The weight-space chart's place in the shared plot frame: its margin, and
// the shown rectangle of weight space as the two axes' domains.
import { makeFrame, plotSize, type Margin, type PlotFrame } from '../shared/plotFrame.ts';
import type { WeightDomain } from './weightDomain.ts';

// The top margin holds the zoom toolbar, so it never covers a mark; the bottom
// one fits the tick labels and, under them without touching, the axis title.
export const WEIGHT_MARGIN: Margin = { top: 26, right: 8, bottom: 34, left: 40 };

/** `margin` is the screen's unless an export lays the chart out with room for larger labels. */
export function weightFrame(view: WeightDomain, width: number, height: number, margin: Margin = WEIGHT_MARGIN): PlotFrame {
  return makeFrame(margin, width, height, { domain: view.w1 }, { domain: view.w2 });
}

/** The plot box's size, which the view is fitted to. */
export function weightPlotSize(width: number, height: number): [number, number] {
  return plotSize(WEIGHT_MARGIN, width, height);
}
