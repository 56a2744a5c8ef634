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

/**
 * What one axis draws: where it sits, its extent, and each tick's place and
 * label. An axis whose key has not changed is left as it is: d3-axis rewrites
 * every tick's attributes on each call, and an SVG attribute written, even
 * with its old value, costs the page style, layout and paint work, once per
 * frame while the loss chart's x-axis grows in steps and its y-axis stays.
 */
function axisKey(scale: AxesFrame['x'], count: number, format: (value: number) => string, at: number): string {
  return [at, ...scale.range(), ...scale.ticks(count).map((t) => `${scale(t)}:${format(Number(t))}`)].join('|');
}

const drawnKeys = new WeakMap<Element, string>();

/** Runs `draw` unless `node` was last drawn with the same key. */
function unlessSame(node: Element | null, key: string, draw: () => void): void {
  if (node && drawnKeys.get(node) === key) return;
  draw();
  if (node) drawnKeys.set(node, key);
}

export function drawAxes(root: Selection<SVGSVGElement, unknown, null, undefined>, frame: AxesFrame, spec: AxesSpec): void {
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const xTicks = tickCount(x1 - x0, spec.xTickSpacing);
  const yTicks = spec.yTickCount ?? tickCount(y0 - y1, spec.yTickSpacing);
  const xAxis = root.selectAll<SVGGElement, number>('g.x-axis').data([0]).join('g').attr('class', 'axis x-axis');
  unlessSame(xAxis.node(), axisKey(frame.x, xTicks, spec.xFormat, y0), () =>
    xAxis.attr('transform', `translate(0,${y0})`).call(
      axisBottom(frame.x)
        .ticks(xTicks)
        .tickFormat((d) => spec.xFormat(Number(d)))
        .tickSizeOuter(0),
    ),
  );
  const yAxis = root.selectAll<SVGGElement, number>('g.y-axis').data([0]).join('g').attr('class', 'axis y-axis');
  unlessSame(yAxis.node(), axisKey(frame.y, yTicks, spec.yFormat, x0), () =>
    yAxis.attr('transform', `translate(${x0},0)`).call(
      axisLeft(frame.y)
        .ticks(yTicks)
        .tickFormat((d) => spec.yFormat(Number(d)))
        .tickSizeOuter(0),
    ),
  );
  const xTitle = root.selectAll<SVGTextElement, string>('text.x-title').data([spec.titles[0]]).join('text');
  unlessSame(xTitle.node(), [spec.titles[0], x0, x1, frame.height, spec.xTitleInset].join('|'), () =>
    xTitle
      .attr('class', 'axis-title x-title')
      .attr('x', (x0 + x1) / 2)
      .attr('y', frame.height - spec.xTitleInset)
      .attr('text-anchor', 'middle')
      .text((d) => d),
  );
  const yTitle = root.selectAll<SVGTextElement, string>('text.y-title').data([spec.titles[1]]).join('text');
  unlessSame(yTitle.node(), [spec.titles[1], y0, y1, spec.yTitleInset].join('|'), () =>
    yTitle
      .attr('class', 'axis-title y-title')
      .attr('transform', `translate(${spec.yTitleInset},${(y0 + y1) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text((d) => d),
  );
}
