// Behind the curves: horizontal grid lines at the y ticks, and a dashed rule
// at each of the primary run's epoch ends (where a new epoch starts over).
import { select } from 'd3-selection';
import { tickCount } from '../shared/axes.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { attrsIfChanged } from '../shared/svgAttr.ts';
import type { EpochRule } from './lossMarks.ts';
import type { LossStyle } from './style.ts';

export function drawBackground(svg: SVGSVGElement, frame: PlotFrame, rules: readonly EpochRule[], style: LossStyle): void {
  // Redrawn as the curves grow, mostly with the lines where they were: only what moved is written.
  const root = attrsIfChanged(select(svg), { width: frame.width, height: frame.height });
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  // The grid meets the y-axis ticks: same spacing, same tick generator.
  const yTicks = frame.y.ticks(tickCount(y0 - y1, style.axes.yTickSpacing));
  const grid = root.selectAll('g.grid').data([0]).join('g').attr('class', 'grid').selectAll<SVGLineElement, number>('line').data(yTicks).join('line');
  attrsIfChanged(grid, { x1: x0, x2: x1, y1: (d) => frame.y(d), y2: (d) => frame.y(d) });
  const ruled = root.selectAll('g.rules').data([0]).join('g').attr('class', 'rules').selectAll<SVGLineElement, EpochRule>('line').data(rules).join('line');
  attrsIfChanged(ruled, { class: 'epoch-rule', x1: (d) => frame.x(d.x), x2: (d) => frame.x(d.x), y1, y2: y0 });
}
