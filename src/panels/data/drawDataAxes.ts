// The data chart's axes, in SVG over its canvases.
import { select } from 'd3-selection';
import { drawAxes } from '../shared/axes.ts';
import type { DrawFn } from '../shared/plotFrame.ts';
import { formatValueTick } from '../shared/ticks.ts';
import type { DataStyle } from './style.ts';

export const drawDataAxes: DrawFn<SVGSVGElement, readonly [string, string], DataStyle> = (svg, frame, titles, style) => {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  drawAxes(root, frame, { ...style.axes, xFormat: formatValueTick, yFormat: formatValueTick, titles });
};
