// The axes every chart draws the same way: a bottom and a left axis with
// spaced ticks, and a title under the x-axis and beside the y-axis.
import { axisBottom, axisLeft } from 'd3-axis';
import type { Selection } from 'd3-selection';
import type { PlotFrame } from './plotFrame.ts';

/** The part of a plot frame the axes read (any frame with d3 scales fits). */
export type AxesFrame = Pick<PlotFrame, 'height' | 'x' | 'y'>;

export interface AxesSpec {
  /** Pixels per tick along each axis (the tick count follows the plot's size). */
  readonly xTickSpacing: number;
  readonly yTickSpacing: number;
  readonly xFormat: (value: number) => string;
  readonly yFormat: (value: number) => string;
  /** Tick values offered to the y-axis generator (log axes label a subset of them). */
  readonly yTickCount?: number;
  readonly titles: readonly [string, string];
  /** Distance of the x title's baseline above the bottom edge, and of the y title's centre from the left edge. */
  readonly xTitleInset: number;
  readonly yTitleInset: number;
}

/** How many ticks fit `length` pixels at `spacing` pixels per tick (at least 2). */
export function tickCount(length: number, spacing: number): number {
  return Math.max(2, Math.round(length / spacing));
}

export function drawAxes(root: Selection<SVGSVGElement, unknown, null, undefined>, frame: AxesFrame, spec: AxesSpec): void {
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  root
    .selectAll<SVGGElement, number>('g.x-axis')
    .data([0])
    .join('g')
    .attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${y0})`)
    .call(
      axisBottom(frame.x)
        .ticks(tickCount(x1 - x0, spec.xTickSpacing))
        .tickFormat((d) => spec.xFormat(Number(d)))
        .tickSizeOuter(0),
    );
  root
    .selectAll<SVGGElement, number>('g.y-axis')
    .data([0])
    .join('g')
    .attr('class', 'axis y-axis')
    .attr('transform', `translate(${x0},0)`)
    .call(
      axisLeft(frame.y)
        .ticks(spec.yTickCount ?? tickCount(y0 - y1, spec.yTickSpacing))
        .tickFormat((d) => spec.yFormat(Number(d)))
        .tickSizeOuter(0),
    );
  root
    .selectAll('text.x-title')
    .data([spec.titles[0]])
    .join('text')
    .attr('class', 'axis-title x-title')
    .attr('x', (x0 + x1) / 2)
    .attr('y', frame.height - spec.xTitleInset)
    .attr('text-anchor', 'middle')
    .text((d) => d);
  root
    .selectAll('text.y-title')
    .data([spec.titles[1]])
    .join('text')
    .attr('class', 'axis-title y-title')
    .attr('transform', `translate(${spec.yTitleInset},${(y0 + y1) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text((d) => d);
}
