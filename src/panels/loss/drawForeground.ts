// Over the curves: the axes, and a marker on the top edge where a run's loss
// leaves the axis, so a clipped curve is never mistaken for a flat one.
import { select } from 'd3-selection';
import { drawAxes, tickCount } from '../shared/axes.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { formatCountTick, formatValueTick, logTickLabeller } from '../shared/ticks.ts';
import type { YScaleMode } from './lossDomain.ts';
import type { LossMarks, OffScaleMark } from './lossMarks.ts';
import type { LossStyle } from './style.ts';

export interface ForegroundShapes {
  readonly marks: Pick<LossMarks, 'offScale' | 'titles'>;
  /** A log axis labels only some of its ticks. */
  readonly yScale: YScaleMode;
}

/** The off-scale marker keeps this far from the plot's left edge and, with its label, from the right one. */
const MARKER_LEFT_GAP = 6;
const MARKER_RIGHT_GAP = 60;

export function drawForeground(svg: SVGSVGElement, frame: PlotFrame, shapes: ForegroundShapes, style: LossStyle): void {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const { axes } = style;
  const yTickCount = tickCount(y0 - y1, axes.yTickSpacing);
  drawAxes(root, frame, {
    ...axes,
    yTickCount,
    xFormat: formatCountTick,
    yFormat: shapes.yScale === 'log' ? logTickLabeller(frame.y.ticks(yTickCount), yTickCount + 1) : formatValueTick,
    titles: shapes.marks.titles,
  });

  const marks = root
    .selectAll('g.off-scale')
    .data([0])
    .join('g')
    .attr('class', 'off-scale')
    .selectAll<SVGGElement, OffScaleMark>('g')
    .data(shapes.marks.offScale)
    .join((enter) => {
      const g = enter.append('g');
      g.append('path').attr('d', 'M0,0 L-5,8 L5,8 Z');
      g.append('text').attr('x', 7).attr('y', 9).attr('font-size', 10);
      g.append('title');
      return g;
    })
    .attr('transform', (d) => `translate(${Math.min(Math.max(frame.x(d.x), x0 + MARKER_LEFT_GAP), x1 - MARKER_RIGHT_GAP)},${y1 - 2})`);
  marks.select('path').attr('fill', (d) => d.color);
  marks
    .select('text')
    .attr('fill', (d) => d.color)
    .text('off scale');
  marks.select('title').text((d) => d.title);
}
