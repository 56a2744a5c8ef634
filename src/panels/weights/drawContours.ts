// The weight-space panel's back layer: filled loss bands in SVG, placed over
// the plot box by one transform, so panning moves them without re-tracing.
import { scaleSequential } from 'd3-scale';
import { interpolateYlGnBu } from '../shared/colorRamps.ts';
import { select } from 'd3-selection';
import { gridToPixels } from './contourPath.ts';
import type { WeightStyle } from './style.ts';
import type { DrawFn } from '../shared/plotFrame.ts';
import type { WeightSurface } from './weightSurface.ts';

export const drawContours: DrawFn<SVGSVGElement, WeightSurface | null, WeightStyle> = (svg, frame, surface, style) => {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const clipId = `${svg.id}-clip`;
  root
    .selectAll('clipPath')
    .data([0])
    .join((enter) => enter.append('clipPath').attr('id', clipId).call((c) => c.append('rect')))
    .select('rect')
    .attr('x', x0)
    .attr('y', y1)
    .attr('width', x1 - x0)
    .attr('height', y0 - y1);
  const bands = surface?.bands ?? [];
  const colour = scaleSequential(interpolateYlGnBu).domain([-1, Math.max(1, bands.length) * 2.6]);
  const g = root.selectAll('g.bands').data([0]).join('g').attr('class', 'bands').attr('clip-path', `url(#${clipId})`);
  const placed = g.selectAll('g.placed').data([0]).join('g').attr('class', 'placed');
  if (surface) {
    const [a, d, e, f] = gridToPixels(surface.grid, frame.x, frame.y);
    placed.attr('transform', `matrix(${a},0,0,${d},${e},${f})`);
  }
  placed
    .selectAll('path')
    .data(bands)
    .join('path')
    .attr('d', (b) => b.path)
    .attr('fill', (_, i) => colour(i))
    .attr('stroke', style.contour.stroke)
    .attr('stroke-opacity', style.contour.strokeOpacity)
    .attr('stroke-width', style.contour.strokeWidth)
    .attr('vector-effect', 'non-scaling-stroke');
};
