// The weight-space panel's front SVG layer: the axes, a transparent box that
// catches the pointer, and the named marks of markLayout.ts. SVG rather than
// canvas because these few marks carry text and are joined by key, so a new
// epoch adds one circle instead of redrawing the rest.
import { select, type Selection } from 'd3-selection';
import { drawAxes } from '../shared/axes.ts';
import { thinLabels } from '../shared/labelThinning.ts';
import { formatValueTick } from '../shared/ticks.ts';
import type { EpochEnds, MarkShapes, RunEnds, WeightPair } from './markLayout.ts';
import type { WeightStyle } from './style.ts';
import type { PlotFrame, DrawFn } from '../shared/plotFrame.ts';
import { attrsIfChanged } from '../shared/svgAttr.ts';

type Root = Selection<SVGSVGElement, unknown, null, undefined>;
type Group = ReturnType<typeof markGroups>;

/** One fixed group per kind of mark, in drawing order: marks added later (new epochs) never cover the current point. */
const KINDS = ['valley', 'saddle', 'optimum', 'start', 'epoch-end', 'now'] as const;

/** The axes and the pointer-catching box under the marks. */
export const drawWeightAxes: DrawFn<SVGSVGElement, readonly [string, string], WeightStyle> = (svg, frame, titles, style) => {
  // Redrawn with every text update while a run trains: a size written, even unchanged, lays the SVG out again.
  const root = attrsIfChanged(select(svg), { width: frame.width, height: frame.height });
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  root
    .selectAll('rect.capture')
    .data([0])
    .join('rect')
    .attr('class', 'capture')
    .attr('x', x0)
    .attr('y', y1)
    .attr('width', x1 - x0)
    .attr('height', y0 - y1)
    .attr('fill', 'transparent');
  drawAxes(root, frame, { ...style.axes, xFormat: formatValueTick, yFormat: formatValueTick, titles });
};

export const drawMarks: DrawFn<SVGSVGElement, MarkShapes, WeightStyle> = (svg, frame, shapes, style) => {
  const root = select(svg);
  const groups = markGroups(root, frame, svg.id);
  const group = (kind: (typeof KINDS)[number]): Group => groups.filter((d) => d === kind);
  drawValley(group('valley'), frame, shapes, style);
  drawSaddles(group('saddle'), frame, shapes.saddles, style);
  drawOptimum(group('optimum'), frame, shapes.optimum, style);
  drawStarts(group('start'), frame, shapes.runs, style);
  drawEpochEnds(group('epoch-end'), frame, shapes.epochEnds, style);
  drawNows(group('now'), frame, shapes.runs, style);
};

function markGroups(root: Root, frame: PlotFrame, id: string) {
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const layer = root
    .selectAll('g.marks')
    .data([0])
    .join('g')
    .attr('class', 'marks')
    .attr('pointer-events', 'none')
    .attr('clip-path', `url(#${id}-clip)`);
  // A pixel wider than the plot box, so a mark on its edge is not cut in half.
  root
    .selectAll('clipPath')
    .data([0])
    .join((enter) => enter.append('clipPath').attr('id', `${id}-clip`).call((c) => c.append('rect')))
    .select('rect')
    .attr('x', x0 - 1)
    .attr('y', y1 - 1)
    .attr('width', x1 - x0 + 2)
    .attr('height', y0 - y1 + 2);
  return layer
    .selectAll<SVGGElement, string>('g.kind')
    .data(KINDS, (d) => d)
    .join('g')
    .attr('class', (d) => `kind kind-${d}`);
}

function drawValley(group: Group, frame: PlotFrame, shapes: MarkShapes, style: WeightStyle): void {
  group
    .selectAll('path.valley')
    .data(shapes.valley)
    .join('path')
    .attr('class', 'valley')
    .attr('fill', 'none')
    .attr('stroke', style.ink)
    .attr('stroke-width', style.valley.width)
    .attr('stroke-dasharray', style.valley.dash.join(' '))
    .attr('d', (c) => c.w1.map((w, i) => `${i ? 'L' : 'M'}${clampPx(frame.x(w))},${clampPx(frame.y(c.w2[i]))}`).join(''));
}

function drawSaddles(group: Group, frame: PlotFrame, saddles: readonly WeightPair[], style: WeightStyle): void {
  const { half, width, fontSize } = style.saddle;
  group
    .selectAll<SVGGElement, WeightPair>('g.saddle')
    .data(saddles)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'saddle');
      g.append('path').attr('d', `M${-half},${-half}L${half},${half}M${-half},${half}L${half},${-half}`).attr('stroke', style.ink).attr('stroke-width', width);
      g.append('text').attr('x', 7).attr('y', -5).attr('font-size', fontSize).attr('fill', style.ink).text('saddle');
      return g;
    })
    .attr('transform', (w) => `translate(${frame.x(w[0])},${frame.y(w[1])})`);
}

function drawOptimum(group: Group, frame: PlotFrame, optimum: MarkShapes['optimum'], style: WeightStyle): void {
  const { outer, inner, strokeWidth, fontSize, fontWeight } = style.optimum;
  const star = group
    .selectAll<SVGGElement, MarkShapes['optimum'][number]>('g.optimum')
    .data(optimum)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'optimum');
      g.append('path').attr('d', starPath(outer, inner)).attr('fill', style.ink).attr('stroke', style.paper).attr('stroke-width', strokeWidth);
      g.append('text').attr('x', 8).attr('y', 12).attr('font-size', fontSize).attr('font-weight', fontWeight).attr('fill', style.ink);
      return g;
    });
  star.attr('transform', (d) => `translate(${frame.x(d.w[0])},${frame.y(d.w[1])})`);
  star
    .select('text')
    .text((d) => d.label)
    .attr('text-anchor', (d) => (nearRight(frame, frame.x(d.w[0])) ? 'end' : 'start'))
    .attr('x', (d) => (nearRight(frame, frame.x(d.w[0])) ? -9 : 8))
    .attr('y', (d) => (nearTop(frame, frame.y(d.w[1])) ? 14 : -6));
}

function drawStarts(group: Group, frame: PlotFrame, runs: readonly RunEnds[], style: WeightStyle): void {
  const { side, strokeWidth, fontSize } = style.start;
  const [x0] = frame.x.range();
  const starts = group
    .selectAll<SVGGElement, RunEnds>('g.start')
    .data(runs, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'start');
      g.append('rect')
        .attr('x', -side / 2)
        .attr('y', -side / 2)
        .attr('width', side)
        .attr('height', side)
        .attr('fill', style.paper)
        .attr('stroke-width', strokeWidth);
      g.append('text').attr('x', -7).attr('y', -7).attr('text-anchor', 'end').attr('font-size', fontSize);
      return g;
    });
  starts.attr('transform', (d) => `translate(${clampPx(frame.x(d.start[0]))},${clampPx(frame.y(d.start[1]))})`);
  starts.select('rect').attr('stroke', (d) => d.color);
  // A start near the left edge is labelled on its right.
  const nearLeft = (d: RunEnds): boolean => frame.x(d.start[0]) < x0 + 40;
  starts
    .select('text')
    .attr('text-anchor', (d) => (nearLeft(d) ? 'start' : 'end'))
    .attr('x', (d) => (nearLeft(d) ? 7 : -7))
    .attr('y', (d) => (nearTop(frame, frame.y(d.start[1])) ? 16 : -7))
    .attr('fill', (d) => d.color)
    .text((d) => d.label);
}

interface EpochLabel {
  readonly epoch: number;
  readonly x: number;
  readonly y: number;
  readonly color: string;
}

/** The epoch ends inside the plot box, thinned where they crowd, in pixels. */
function epochLabels(frame: PlotFrame, ends: EpochEnds | null): EpochLabel[] {
  if (!ends) return [];
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const xs = new Float64Array(ends.length);
  const ys = new Float64Array(ends.length);
  for (let i = 0; i < ends.length; i++) {
    xs[i] = frame.x(ends.w1[i]);
    ys[i] = frame.y(ends.w2[i]);
    if (xs[i] < x0 || xs[i] > x1 || ys[i] < y1 || ys[i] > y0) xs[i] = NaN;
  }
  return thinLabels(xs, ys, ends.length, 18, 40).map((i) => ({ epoch: ends.epoch[i], x: xs[i], y: ys[i], color: ends.color }));
}

function drawEpochEnds(group: Group, frame: PlotFrame, ends: EpochEnds | null, style: WeightStyle): void {
  const { radius, strokeWidth, fontSize, fontWeight } = style.epochEnd;
  const numbered = group
    .selectAll<SVGGElement, EpochLabel>('g.epoch-end')
    .data(epochLabels(frame, ends), (d) => d.epoch)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'epoch-end');
      g.append('circle').attr('r', radius).attr('fill', style.paper).attr('stroke-width', strokeWidth);
      g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', fontSize).attr('font-weight', fontWeight);
      return g;
    });
  numbered.attr('transform', (d) => `translate(${d.x},${d.y})`);
  numbered.select('circle').attr('stroke', (d) => d.color);
  numbered
    .select('text')
    .attr('fill', (d) => d.color)
    .text((d) => String(d.epoch));
}

function drawNows(group: Group, frame: PlotFrame, runs: readonly RunEnds[], style: WeightStyle): void {
  group
    .selectAll<SVGCircleElement, RunEnds>('circle.now')
    .data(
      runs.filter((d) => d.started),
      (d) => d.id,
    )
    .join('circle')
    .attr('class', 'now')
    .attr('r', style.now.radius)
    .attr('stroke', style.paper)
    .attr('stroke-width', style.now.strokeWidth)
    .attr('fill', (d) => d.color)
    .attr('cx', (d) => clampPx(frame.x(d.now[0])))
    .attr('cy', (d) => clampPx(frame.y(d.now[1])));
}

// Labels near the right or top edge go on the other side of their mark, so they are never cut off.
function nearRight(frame: PlotFrame, px: number): boolean {
  return px > frame.x.range()[1] - 100;
}

function nearTop(frame: PlotFrame, py: number): boolean {
  return py < frame.y.range()[1] + 16;
}

/** A diverged run's marks are pinned far outside the box, so SVG never gets NaN or an astronomic coordinate. */
function clampPx(v: number): number {
  return Number.isFinite(v) ? Math.max(-1e5, Math.min(1e5, v)) : -1e5;
}

function starPath(outer: number, inner: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`);
  }
  return `M${points.join('L')}Z`;
}
