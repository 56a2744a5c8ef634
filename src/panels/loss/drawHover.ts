// The reading under the pointer or keyboard: a vertical crosshair and a dot
// on each run's full-loss curve at the row being read (and a hollow one on
// its validation-loss curve, when it has one).
import { select } from 'd3-selection';
import { PAPER } from '../shared/markStyle.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { clampToDomain } from './lossDomain.ts';
import type { HoverRow } from './hoverRows.ts';
import type { LossStyle } from './style.ts';

export interface HoverShapes {
  /** The x being read, or null when nothing is. */
  readonly x: number | null;
  readonly rows: readonly HoverRow[];
}

export function drawHover(svg: SVGSVGElement, frame: PlotFrame, shapes: HoverShapes, style: LossStyle): void {
  const root = select(svg);
  const [y0, y1] = frame.y.range();
  const [x0, x1] = frame.x.range();
  const { x, rows } = shapes;
  const visible = x !== null && rows.length > 0;
  const px = visible ? Math.min(Math.max(frame.fastX(x), x0), x1) : 0;
  root
    .selectAll('line.crosshair')
    .data(visible ? [px] : [])
    .join('line')
    .attr('class', 'crosshair')
    .attr('stroke', style.crosshair.color)
    .attr('stroke-width', style.crosshair.width)
    .attr('pointer-events', 'none')
    .attr('x1', (d) => d)
    .attr('x2', (d) => d)
    .attr('y1', y1)
    .attr('y2', y0);
  const domain = frame.y.domain() as [number, number];
  root
    .selectAll('circle.hover-dot')
    .data(visible ? rows.filter((r) => !Number.isNaN(clampToDomain(r.loss, domain))) : [])
    .join('circle')
    .attr('class', 'hover-dot')
    .attr('pointer-events', 'none')
    .attr('r', style.hoverDot.radius)
    .attr('fill', (d) => d.run.color)
    .attr('stroke', PAPER)
    .attr('stroke-width', style.hoverDot.strokeWidth)
    .attr('cx', (d) => frame.fastX(d.x))
    .attr('cy', (d) => frame.y(clampToDomain(d.loss, domain)));
  root
    .selectAll('circle.hover-val-dot')
    .data(visible ? rows.filter((r) => r.valLoss !== null && !Number.isNaN(clampToDomain(r.valLoss, domain))) : [])
    .join('circle')
    .attr('class', 'hover-val-dot')
    .attr('pointer-events', 'none')
    .attr('r', style.hoverDot.radius - style.hoverDot.strokeWidth / 2)
    .attr('fill', PAPER)
    .attr('stroke', (d) => d.run.color)
    .attr('stroke-width', style.hoverDot.strokeWidth)
    .attr('cx', (d) => frame.fastX(d.x))
    .attr('cy', (d) => frame.y(clampToDomain(d.valLoss as number, domain)));
}
