// The weight-space panel's front SVG layer: axes, and the marks a reader looks
// for by name (start, now, numbered epoch ends, best fit, valley, saddle).
import { select } from 'd3-selection';
import type { RunView } from '../../store/runTypes.ts';
import { drawAxes } from '../shared/axes.ts';
import { thinLabels } from '../shared/labelThinning.ts';
import { formatValueTick } from '../shared/ticks.ts';
import { valleyCurves } from './valley.ts';
import type { Frame } from './weightFrame.ts';
import type { RunPath } from './weightScene.ts';
import type { WeightDomain } from './weightView.ts';

export interface Marks {
  readonly paths: readonly RunPath[];
  readonly primary: RunView | undefined;
  readonly optimum: readonly [number, number] | null;
  readonly product: number | null;
  readonly titles: [string, string];
}

export function drawMarks(svg: SVGSVGElement, frame: Frame, marks: Marks): void {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const [plotW, plotH] = [x1 - x0, y0 - y1];
  root
    .selectAll('rect.capture')
    .data([0])
    .join('rect')
    .attr('class', 'capture')
    .attr('x', x0)
    .attr('y', y1)
    .attr('width', plotW)
    .attr('height', plotH)
    .attr('fill', 'transparent');
  drawAxes(root, frame, {
    xTickSpacing: 70,
    yTickSpacing: 45,
    xFormat: formatValueTick,
    yFormat: formatValueTick,
    titles: marks.titles,
    xTitleInset: 3,
    yTitleInset: 10,
  });

  const layer = root
    .selectAll('g.marks')
    .data([0])
    .join('g')
    .attr('class', 'marks')
    .attr('pointer-events', 'none')
    .attr('clip-path', `url(#${svg.id}-clip)`);
  root
    .selectAll('clipPath')
    .data([0])
    .join((enter) => enter.append('clipPath').attr('id', `${svg.id}-clip`).call((c) => c.append('rect')))
    .select('rect')
    .attr('x', x0 - 1)
    .attr('y', y1 - 1)
    .attr('width', plotW + 2)
    .attr('height', plotH + 2);

  // Deep model: the valley of equally good minima and the saddle at the origin.
  const view: WeightDomain = { w1: frame.x.domain() as [number, number], w2: frame.y.domain() as [number, number] };
  const valley = marks.product === null ? [] : valleyCurves(marks.product, view);
  // One fixed group per kind of mark, in drawing order: marks added later (new epochs) never cover the current point.
  const groups = layer
    .selectAll<SVGGElement, string>('g.kind')
    .data(['valley', 'saddle', 'optimum', 'start', 'epoch-end', 'now'], (d) => d)
    .join('g')
    .attr('class', (d) => `kind kind-${d}`);
  const group = (kind: string) => groups.filter((d) => d === kind);
  group('valley')
    .selectAll('path.valley')
    .data(valley)
    .join('path')
    .attr('class', 'valley')
    .attr('fill', 'none')
    .attr('stroke', '#1d232b')
    .attr('stroke-width', 1.5)
    .attr('stroke-dasharray', '6 3')
    .attr('d', (c) => c.w1.map((w, i) => `${i ? 'L' : 'M'}${clampPx(frame.x(w))},${clampPx(frame.y(c.w2[i]))}`).join(''));
  const saddle = marks.product === null ? [] : [[0, 0]];
  const saddleMark = group('saddle')
    .selectAll<SVGGElement, number[]>('g.saddle')
    .data(saddle)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'saddle');
      g.append('path').attr('d', 'M-5,-5L5,5M-5,5L5,-5').attr('stroke', '#1d232b').attr('stroke-width', 2);
      g.append('text').attr('x', 7).attr('y', -5).attr('font-size', 10.5).attr('fill', '#1d232b').text('saddle');
      return g;
    });
  saddleMark.attr('transform', `translate(${frame.x(0)},${frame.y(0)})`);

  const optimum = marks.optimum ? [marks.optimum] : [];
  const star = group('optimum')
    .selectAll<SVGGElement, readonly [number, number]>('g.optimum')
    .data(optimum)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'optimum');
      g.append('path')
        .attr('d', starPath(7, 3))
        .attr('fill', '#1d232b')
        .attr('stroke', '#fff')
        .attr('stroke-width', 1);
      g.append('text').attr('x', 8).attr('y', 12).attr('font-size', 11).attr('font-weight', 600).attr('fill', '#1d232b');
      return g;
    });
  star.attr('transform', (w) => `translate(${frame.x(w[0])},${frame.y(w[1])})`);
  // Labels near the right or top edge go on the other side of their mark, so they are never cut off.
  const nearRight = (px: number): boolean => px > x1 - 100;
  const nearTop = (py: number): boolean => py < y1 + 16;
  star
    .select('text')
    .text(marks.product === null ? 'w* best fit' : 'w* (one of many)')
    .attr('text-anchor', (w) => (nearRight(frame.x(w[0])) ? 'end' : 'start'))
    .attr('x', (w) => (nearRight(frame.x(w[0])) ? -9 : 8))
    .attr('y', (w) => (nearTop(frame.y(w[1])) ? 14 : -6));

  // Start and current point of every run.
  const ends = marks.paths.map((p) => {
    const t = p.trajectory;
    const now: [number, number] = t.length > 0 ? [t.w1[t.length - 1], t.w2[t.length - 1]] : [t.start[0], t.start[1]];
    return { run: p.run, start: p.trajectory.start, now, primary: p.run === marks.primary };
  });
  const starts = group('start')
    .selectAll<SVGGElement, (typeof ends)[number]>('g.start')
    .data(ends, (d) => d.run.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'start');
      g.append('rect').attr('x', -4.5).attr('y', -4.5).attr('width', 9).attr('height', 9).attr('fill', '#fff').attr('stroke-width', 2);
      g.append('text').attr('x', -7).attr('y', -7).attr('text-anchor', 'end').attr('font-size', 10.5);
      return g;
    });
  starts.attr('transform', (d) => `translate(${clampPx(frame.x(d.start[0]))},${clampPx(frame.y(d.start[1]))})`);
  starts.select('rect').attr('stroke', (d) => d.run.color);
  starts
    .select('text')
    .attr('text-anchor', (d) => (frame.x(d.start[0]) < x0 + 40 ? 'start' : 'end'))
    .attr('x', (d) => (frame.x(d.start[0]) < x0 + 40 ? 7 : -7))
    .attr('y', (d) => (nearTop(frame.y(d.start[1])) ? 16 : -7))
    .attr('fill', (d) => d.run.color)
    .text((d) => (d.primary ? 'start' : ''));

  // Numbered epoch ends of the primary run, thinned where they crowd.
  const primaryRun = marks.primary;
  const labels: { epoch: number; x: number; y: number; color: string }[] = [];
  if (primaryRun) {
    const e = primaryRun.epochs;
    const xs = new Float64Array(e.length);
    const ys = new Float64Array(e.length);
    for (let i = 0; i < e.length; i++) {
      xs[i] = frame.x(e.w1[i]);
      ys[i] = frame.y(e.w2[i]);
      // Off-view epoch ends are not labelled.
      if (xs[i] < x0 || xs[i] > x1 || ys[i] < y1 || ys[i] > y0) xs[i] = NaN;
    }
    for (const i of thinLabels(xs, ys, e.length, 18, 40)) labels.push({ epoch: e.epoch[i], x: xs[i], y: ys[i], color: primaryRun.color });
  }
  const numbered = group('epoch-end')
    .selectAll<SVGGElement, (typeof labels)[number]>('g.epoch-end')
    .data(labels, (d) => d.epoch)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'epoch-end');
      g.append('circle').attr('r', 7.5).attr('fill', '#fff').attr('stroke-width', 1.5);
      g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', 9).attr('font-weight', 600);
      return g;
    });
  numbered.attr('transform', (d) => `translate(${d.x},${d.y})`);
  numbered.select('circle').attr('stroke', (d) => d.color);
  numbered
    .select('text')
    .attr('fill', (d) => d.color)
    .text((d) => String(d.epoch));

  const nows = group('now')
    .selectAll<SVGCircleElement, (typeof ends)[number]>('circle.now')
    .data(
      ends.filter((d) => d.run.cursor.step > 0),
      (d) => d.run.id,
    )
    .join('circle')
    .attr('class', 'now')
    .attr('r', 4.5)
    .attr('stroke', '#fff')
    .attr('stroke-width', 2);
  nows
    .attr('fill', (d) => d.run.color)
    .attr('cx', (d) => clampPx(frame.x(d.now[0])))
    .attr('cy', (d) => clampPx(frame.y(d.now[1])));
}

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
