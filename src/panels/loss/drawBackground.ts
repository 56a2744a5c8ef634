// Behind the curves: horizontal grid lines at the y ticks, and a dashed rule
// at each of the primary run's epoch ends (where a new epoch starts over).
import { select } from 'd3-selection';
import { tickCount } from '../shared/axes.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import type { EpochRule } from './lossMarks.ts';
import type { LossStyle } from './style.ts';

export function drawBackground(svg: SVGSVGElement, frame: PlotFrame, rules: readonly EpochRule[], style: LossStyle): void {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  // The grid meets the y-axis ticks: same spacing, same tick generator.
  const yTicks = frame.y.ticks(tickCount(y0 - y1, style.axes.yTickSpacing));
  root
    .selectAll('g.grid')
    .data([0])
    .join('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(yTicks)
    .join('line')
    .attr('x1', x0)
    .attr('x2', x1)
    .attr('y1', (d) => frame.y(d))
    .attr('y2', (d) => frame.y(d));
  root
    .selectAll('g.rules')
    .data([0])
    .join('g')
    .attr('class', 'rules')
    .selectAll('line')
    .data(rules)
    .join('line')
    .attr('class', 'epoch-rule')
    .attr('x1', (d) => frame.x(d.x))
    .attr('x2', (d) => frame.x(d.x))
    .attr('y1', y1)
    .attr('y2', y0);
}
