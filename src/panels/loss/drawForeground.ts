// Over the curves: the axes, a marker on the top edge where a run's loss
// leaves the axis, and small marks on an edge wherever a curve is beyond it,
// so a clipped curve is never mistaken for a flat one.
import { select } from 'd3-selection';
import { drawAxes, tickCount, type AxesSpec } from '../shared/axes.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { attrsIfChanged } from '../shared/svgAttr.ts';
import { formatCountTick, formatValueTick, logTickLabeller } from '../shared/ticks.ts';
import type { YScaleMode } from './lossDomain.ts';
import type { ClipMark } from './clipMarks.ts';
import type { LossMarks, OffScaleMark } from './lossMarks.ts';
import type { LossStyle } from './style.ts';

export interface ForegroundShapes {
  readonly marks: Pick<LossMarks, 'offScale' | 'titles' | 'clipped'>;
  /** A log axis labels only some of its ticks. */
  readonly yScale: YScaleMode;
  /** On a log x-axis, x of the first step: ticks left of it (between the start and step 1) are not labelled. */
  readonly logXFirstStep?: number;
}

function xFormatOf(frame: PlotFrame, firstStep: number | undefined, count: number): (v: number) => string {
  if (firstStep === undefined || !(firstStep > 0)) return formatCountTick;
  const from = firstStep * (1 - 1e-9);
  return logTickLabeller(frame.x.ticks(count), count, (v) => (v >= from ? formatCountTick(v) : ''));
}

/** A triangle pointing out of the plot (full loss), or a short tick in from the edge (batch loss). */
function clipPath(d: ClipMark, style: LossStyle): string {
  const { size, tickLength } = style.clipMark;
  const out = d.edge === 'top' ? -1 : 1;
  if (d.line === 'batch') return `M0,0 L0,${-out * tickLength}`;
  return `M${-size},0 L${size},0 L0,${out * size} Z`;
}

/** The off-scale marker keeps this far from the plot's left edge and, with its label, from the right one. */
const MARKER_LEFT_GAP = 6;
const MARKER_RIGHT_GAP = 60;

/** The loss chart's axes: tick counts from the plot's size, labels thinned on log axes (the screen and the export both read this). */
export function lossAxes(frame: PlotFrame, shapes: ForegroundShapes, style: LossStyle): AxesSpec & { readonly yTickCount: number; readonly xTickCount: number } {
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const { axes } = style;
  const yTickCount = tickCount(y0 - y1, axes.yTickSpacing);
  const xTickCount = tickCount(x1 - x0, axes.xTickSpacing);
  return {
    ...axes,
    yTickCount,
    xTickCount,
    xFormat: xFormatOf(frame, shapes.logXFirstStep, xTickCount),
    yFormat: shapes.yScale === 'log' ? logTickLabeller(frame.y.ticks(yTickCount), yTickCount + 1) : formatValueTick,
    titles: shapes.marks.titles,
  };
}

export function drawForeground(svg: SVGSVGElement, frame: PlotFrame, shapes: ForegroundShapes, style: LossStyle): void {
  const root = attrsIfChanged(select(svg), { width: frame.width, height: frame.height });
  const [x0, x1] = frame.x.range();
  const [, y1] = frame.y.range();
  drawAxes(root, frame, lossAxes(frame, shapes, style));

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
  drawClipMarks(svg, frame, shapes.marks.clipped, style);
}

/** The marks where curves are beyond the y-axis, on the edge they left by. */
export function drawClipMarks(svg: SVGSVGElement, frame: PlotFrame, clipped: readonly ClipMark[], style: LossStyle): void {
  const [y0, y1] = frame.y.range();
  const marks = select(svg)
    .selectAll('g.clip-marks')
    .data([0])
    .join('g')
    .attr('class', 'clip-marks')
    .selectAll<SVGPathElement, ClipMark>('path')
    .data(clipped)
    .join('path');
  // Redrawn as the curves grow: most marks stay as they are.
  attrsIfChanged(marks, {
    d: (d) => clipPath(d, style),
    transform: (d) => `translate(${frame.fastX(d.x)},${d.edge === 'top' ? y1 : y0})`,
    fill: (d) => (d.line === 'full' ? d.color : 'none'),
    stroke: (d) => d.color,
    'stroke-width': (d) => (d.line === 'full' ? 0.75 : 1.5),
    opacity: (d) => (d.line === 'full' ? 1 : style.clipMark.batchAlpha),
  });
}
