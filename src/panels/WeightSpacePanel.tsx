// The loss over the two weights, and each run's path across it. Epoch e+1
// visibly starts where epoch e ended: the path is one line whose shade
// alternates per epoch, with numbered circles at the epoch ends. Restarts
// (restart=1) appear as dashed jumps, because that is what they are.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateYlGnBu } from 'd3-scale-chromatic';
import { pointer, select } from 'd3-selection';
import { drawAxes } from './axes.ts';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { fullLoss } from '../core/index.ts';
import type { RunView } from '../store/runTypes.ts';
import { prepareCanvas } from './canvas.ts';
import { gridToPixels } from './contourPath.ts';
import { dataKey, statsFor } from './dataCache.ts';
import { formatValue } from './format.ts';
import { thinLabels } from './labelThinning.ts';
import { formatValueTick } from './ticks.ts';
import { useElementSize } from './useElementSize.ts';
import { valleyCurves } from './valley.ts';
import { runPaths, sceneBounds, TrajectoryCache, type RunPath } from './weightScene.ts';
import { computeSurface, type WeightSurface } from './weightSurface.ts';
import { domainCovers, emptyBounds, fitEqualAspect, growDomain, includePoint, roundToPixel, type WeightDomain } from './weightView.ts';
import { niceStride } from './xAxis.ts';
import './panels.css';

export interface WeightSpacePanelProps {
  /** All runs; hidden ones are not drawn. */
  readonly runs: readonly RunView[];
  /** The run whose data the contours show and whose epochs are numbered; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
  /** Called with the weights under a click (not after a drag), rounded to what a pixel resolves. */
  readonly onPickInitialWeights?: (w1: number, w2: number) => void;
}

// The top margin holds the zoom toolbar, so it never covers a mark.
const MARGIN = { top: 26, right: 8, bottom: 30, left: 40 };
const FALLBACK_SIZE = { width: 560, height: 280 };
/**
 * Path rows drawn per frame, shared by the visible runs (rasterising long
 * round-joined strokes is what costs, not computing them); beyond it every
 * n-th row of a run is drawn.
 */
const PATH_ROW_BUDGET = 12_000;
const MIN_PATH_ROWS = 1_500;
/**
 * Segments per stroke call. Software rasterisers fill a stroke's outline as one
 * shape, and a noisy path near the optimum overlaps itself thousands of times on
 * every scanline: one 10,000-segment stroke took up to 300 ms, in pieces 10 ms.
 * The colours are opaque and the caps round, so the pieces look like one line.
 */
const SEGMENTS_PER_STROKE = 128;
/** The contour grid covers this multiple of the view, so panning rarely needs a new surface. */
const GRID_GROWTH = 2.2;
/** Zooming in further than this fraction of the grid recomputes it, so rings stay smooth. */
const GRID_MIN_FRACTION = 1 / 5;

type Scale = ReturnType<typeof scaleLinear<number, number>>;

interface Frame {
  readonly width: number;
  readonly height: number;
  readonly x: Scale;
  readonly y: Scale;
}

function makeFrame(view: WeightDomain, width: number, height: number): Frame {
  const x = scaleLinear().domain(view.w1).range([MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)]);
  const y = scaleLinear().domain(view.w2).range([Math.max(MARGIN.top + 1, height - MARGIN.bottom), MARGIN.top]);
  return { width, height, x, y };
}

/** Slope and offset of a linear scale, for hot loops where calling the scale per point is the bottleneck. */
function affineOf(scale: Scale): [number, number] {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  const a = d1 !== d0 ? (r1 - r0) / (d1 - d0) : 0;
  return [a, r0 - a * d0];
}

function sameDomain(a: WeightDomain, b: WeightDomain): boolean {
  return a.w1[0] === b.w1[0] && a.w1[1] === b.w1[1] && a.w2[0] === b.w2[0] && a.w2[1] === b.w2[1];
}

/**
 * The same domain object for as long as its numbers stay the same, so a run
 * that moves inside the view does not redraw the contours and axes every frame.
 */
function useStableDomain(domain: WeightDomain): WeightDomain {
  const [kept, setKept] = useState(domain);
  if (sameDomain(kept, domain)) return kept;
  setKept(domain);
  return domain;
}

function plotSize(width: number, height: number): [number, number] {
  return [Math.max(1, width - MARGIN.left - MARGIN.right), Math.max(1, height - MARGIN.top - MARGIN.bottom)];
}

/** A lighter shade of a CSS colour, for every other epoch of a path. */
function lighter(color: string): string {
  return `color-mix(in srgb, ${color} 45%, white)`;
}

function axisTitles(run: RunView | undefined): [string, string] {
  if (!run) return ['w1', 'w2'];
  if (run.settings.model === 'deep') return ['w1 (first layer)', 'w2 (second layer)'];
  if (run.settings.data === 'line') return ['w1 (slope)', 'w2 (intercept)'];
  return ['w1', 'w2'];
}

function drawContours(svg: SVGSVGElement, frame: Frame, surface: WeightSurface | null): void {
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
    .attr('stroke', '#7f9bb0')
    .attr('stroke-opacity', 0.45)
    .attr('stroke-width', 0.6)
    .attr('vector-effect', 'non-scaling-stroke');
}

function drawPaths(canvas: HTMLCanvasElement, frame: Frame, paths: readonly RunPath[], primaryId: string | undefined): void {
  const ctx = prepareCanvas(canvas, frame.width, frame.height);
  if (!ctx) return;
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y1, x1 - x0, y0 - y1);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  // Canvas coordinates beyond ±1e7 px are not drawn reliably; a blown-up path is pinned there instead.
  const [ax, bx] = affineOf(frame.x);
  const [ay, by] = affineOf(frame.y);
  const px = (w: number): number => Math.max(-1e7, Math.min(1e7, ax * w + bx));
  const py = (w: number): number => Math.max(-1e7, Math.min(1e7, ay * w + by));
  const ordered = [...paths].sort((a, b) => Number(a.run.id === primaryId) - Number(b.run.id === primaryId));
  for (const { run, trajectory } of ordered) {
    // Near the optimum a noisy path of 65,536 rows is a ball of overlapping strokes; drawing every
    // n-th row of it looks the same and keeps rasterising cheap. Each epoch's first and last row are always drawn.
    const rows = trajectory.length;
    const rowStride = Math.max(1, Math.ceil(rows / Math.max(MIN_PATH_ROWS, PATH_ROW_BUDGET / paths.length)));
    // One stroke per shade: odd epochs in the run's colour, even ones lighter.
    for (const parity of [0, 1]) {
      ctx.strokeStyle = parity === 1 ? run.color : lighter(run.color);
      ctx.lineWidth = run.id === primaryId ? 2 : 1.5;
      ctx.beginPath();
      let segments = 0;
      const { w1, w2 } = trajectory;
      for (const piece of trajectory.pieces) {
        if (piece.epoch % 2 !== parity) continue;
        let lastX = NaN;
        let lastY = NaN;
        const end = piece.end - piece.start - 1;
        for (let i = 0; i <= end; i += i + rowStride > end && i !== end ? end - i : rowStride) {
          const x = px(w1[piece.start + i]);
          const y = py(w2[piece.start + i]);
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          if (i === 0) ctx.moveTo(x, y);
          // Moves under half a pixel are invisible; skipping them keeps a 65,536-row path cheap to stroke.
          else if (i === end || Math.abs(x - lastX) >= 0.5 || Math.abs(y - lastY) >= 0.5) ctx.lineTo(x, y);
          else continue;
          lastX = x;
          lastY = y;
          if (++segments >= SEGMENTS_PER_STROKE) {
            ctx.stroke();
            ctx.beginPath();
            ctx.moveTo(x, y);
            segments = 0;
          }
        }
      }
      ctx.stroke();
    }
    if (trajectory.jumps.length > 0) {
      ctx.save();
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = 1;
      ctx.strokeStyle = run.color;
      ctx.globalAlpha = 0.8;
      ctx.beginPath();
      for (const j of trajectory.jumps) {
        ctx.moveTo(px(j.from[0]), py(j.from[1]));
        ctx.lineTo(px(j.to[0]), py(j.to[1]));
      }
      ctx.stroke();
      ctx.restore();
    }
    // Every epoch end gets a dot (numbered circles for the primary run are drawn over them in SVG).
    const e = run.epochs;
    const stride = niceStride(e.length, 2000);
    ctx.fillStyle = run.color;
    for (let i = stride - 1; i < e.length; i += stride) {
      ctx.beginPath();
      ctx.arc(px(e.w1[i]), py(e.w2[i]), 2.4, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.restore();
}

interface Marks {
  readonly paths: readonly RunPath[];
  readonly primary: RunView | undefined;
  readonly optimum: readonly [number, number] | null;
  readonly product: number | null;
  readonly titles: [string, string];
}

function drawMarks(svg: SVGSVGElement, frame: Frame, marks: Marks): void {
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

function summary(paths: readonly RunPath[], optimum: readonly [number, number] | null, product: number | null): string {
  const parts = paths.map(({ run }) => {
    const c = run.cursor;
    return c.step > 0
      ? `${run.name}: ${run.epochs.length} epochs done, now at w1 = ${formatValue(c.w1)}, w2 = ${formatValue(c.w2)}`
      : `${run.name}: starts at w1 = ${formatValue(run.settings.w0[0])}, w2 = ${formatValue(run.settings.w0[1])}`;
  });
  if (product !== null) parts.push(`best fits: every w1·w2 = ${formatValue(product)}`);
  else if (optimum) parts.push(`best fit w* = (${formatValue(optimum[0])}, ${formatValue(optimum[1])})`);
  return `Weight-space paths over the full-data loss contours. ${parts.join('; ')}.`;
}

export function WeightSpacePanel({ runs, primaryRunId = null, onPickInitialWeights }: WeightSpacePanelProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const backRef = useRef<SVGSVGElement>(null);
  const frontRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);
  const [plotW, plotH] = plotSize(size.width, size.height);
  const [cache] = useState(() => new TrajectoryCache());

  const visible = runs.filter((r) => r.visible);
  const primary = visible.find((r) => r.id === primaryRunId) ?? visible[0];
  const settings = primary?.settings;
  const key = settings ? dataKey(settings) : '';
  // Statistics depend only on the data-determining settings, so the surface is not recomputed per frame.
  const info = useMemo(() => (settings ? statsFor(settings) : null), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const model = settings?.model ?? 'linear';
  const product = model === 'deep' && info ? (info.optimum.product ?? null) : null;
  const optimumW = info ? info.optimum.w : null;

  const paths = useMemo(() => runPaths(runs, cache), [runs, cache]);
  const lossFor = useCallback((run: RunView) => {
    const { stats } = statsFor(run.settings);
    const model = run.settings.model;
    return (w1: number, w2: number) => fullLoss(stats, model, w1, w2);
  }, []);
  const autoView = useStableDomain(
    useMemo(() => fitEqualAspect(sceneBounds(paths, optimumW, lossFor), plotW, plotH, 0.1, 0.5), [paths, optimumW, lossFor, plotW, plotH]),
  );

  // A view the user zoomed or panned to; null follows the runs (start, optimum, path).
  const [manualView, setManualView] = useState<WeightDomain | null>(null);
  const fitKey = `${primary?.id}|${key}|${settings?.w0.join(',')}|${settings?.restart}`;
  const [lastFitKey, setLastFitKey] = useState(fitKey);
  if (fitKey !== lastFitKey) {
    setLastFitKey(fitKey);
    setManualView(null);
  }
  const view = useMemo(() => {
    if (!manualView) return autoView;
    const b = includePoint(includePoint(emptyBounds(), manualView.w1[0], manualView.w2[0]), manualView.w1[1], manualView.w2[1]);
    return fitEqualAspect(b, plotW, plotH, 0, 1e-9);
  }, [manualView, autoView, plotW, plotH]);
  const frame = useMemo(() => makeFrame(view, size.width, size.height), [view, size.width, size.height]);

  // The contour grid: recomputed only when the data change or the view leaves (or zooms far into) the covered region.
  const [gridDomain, setGridDomain] = useState<WeightDomain>(() => growDomain(view, GRID_GROWTH));
  const viewIsFinite = [...view.w1, ...view.w2].every(Number.isFinite);
  const needsGrid =
    viewIsFinite &&
    (!domainCovers(gridDomain, view) || view.w1[1] - view.w1[0] < GRID_MIN_FRACTION * (gridDomain.w1[1] - gridDomain.w1[0]));
  if (needsGrid) setGridDomain(growDomain(view, GRID_GROWTH));
  const surface = useMemo(
    () => (info ? computeSurface(info.stats, model, info.optimum.loss, gridDomain) : null),
    [info, model, gridDomain],
  );

  // d3-zoom: its transform is relative to `base`, the view when it was last reset.
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const baseRef = useRef<WeightDomain>(view);
  const frameRef = useRef(frame);
  const resettingRef = useRef(false);
  useEffect(() => {
    frameRef.current = frame;
  }, [frame]);

  const resetZoom = useCallback((to: WeightDomain) => {
    baseRef.current = to;
    const svg = frontRef.current;
    const z = zoomRef.current;
    if (!svg || !z) return;
    resettingRef.current = true;
    select(svg).call(z.transform, zoomIdentity);
    resettingRef.current = false;
  }, []);

  useEffect(() => {
    const svg = frontRef.current;
    if (!svg) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1e-4, 1e7])
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (resettingRef.current) return;
        const f = frameRef.current;
        const base = baseRef.current;
        const bx = scaleLinear().domain(base.w1).range(f.x.range());
        const by = scaleLinear().domain(base.w2).range(f.y.range());
        const t = event.transform;
        const w1 = t.rescaleX(bx).domain() as [number, number];
        const w2 = t.rescaleY(by).domain() as [number, number];
        setManualView({ w1: [Math.min(...w1), Math.max(...w1)], w2: [Math.min(...w2), Math.max(...w2)] });
      });
    zoomRef.current = behaviour;
    select(svg).call(behaviour).on('dblclick.zoom', null);
    return () => {
      select(svg).on('.zoom', null);
      zoomRef.current = null;
    };
  }, []);

  // Whenever the view is set other than by a gesture (following the runs, a fit, a resize), d3-zoom starts afresh from it.
  useEffect(() => {
    if (!manualView) resetZoom(view);
  }, [manualView, view, resetZoom]);
  useEffect(() => {
    // A resize changes the pixel box under a manual view: start the zoom from the refitted view.
    if (manualView) resetZoom(view);
    // Only on size changes; `view` is read at that moment.
  }, [size.width, size.height]); // eslint-disable-line react-hooks/exhaustive-deps

  const [hover, setHover] = useState<{ w1: number; w2: number } | null>(null);

  useEffect(() => {
    const svg = frontRef.current;
    if (!svg) return;
    const inside = (event: MouseEvent): [number, number] | null => {
      const [px, py] = pointer(event, svg);
      const f = frameRef.current;
      const [x0, x1] = f.x.range();
      const [y0, y1] = f.y.range();
      if (px < x0 || px > x1 || py < y1 || py > y0) return null;
      return [f.x.invert(px), f.y.invert(py)];
    };
    const sel = select(svg);
    sel.on('click.pick', (event: MouseEvent) => {
      const w = inside(event);
      if (!w || !onPickInitialWeights) return;
      const f = frameRef.current;
      const unitsPerPixel = (f.x.domain()[1] - f.x.domain()[0]) / (f.x.range()[1] - f.x.range()[0]);
      onPickInitialWeights(roundToPixel(w[0], unitsPerPixel), roundToPixel(w[1], unitsPerPixel));
    });
    sel.on('pointermove.readout', (event: MouseEvent) => {
      const w = inside(event);
      setHover(w ? { w1: w[0], w2: w[1] } : null);
    });
    sel.on('pointerleave.readout', () => setHover(null));
    return () => {
      sel.on('click.pick', null).on('pointermove.readout', null).on('pointerleave.readout', null);
    };
  }, [onPickInitialWeights]);

  useEffect(() => {
    if (backRef.current) drawContours(backRef.current, frame, surface);
  }, [frame, surface]);
  useEffect(() => {
    if (canvasRef.current) drawPaths(canvasRef.current, frame, paths, primary?.id);
  }, [frame, paths, primary?.id]);
  const titles = axisTitles(primary);
  useEffect(() => {
    if (frontRef.current) drawMarks(frontRef.current, frame, { paths, primary, optimum: optimumW, product, titles });
    // titles derive from primary
  }, [frame, paths, primary, optimumW, product]); // eslint-disable-line react-hooks/exhaustive-deps

  const zoomBy = (factor: number): void => {
    const svg = frontRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.scaleBy, factor);
  };
  const panBy = (dx: number, dy: number): void => {
    const svg = frontRef.current;
    const z = zoomRef.current;
    if (!svg || !z) return;
    const k = zoomTransform(svg).k;
    select(svg).call(z.translateBy, dx / k, dy / k);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = 30;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      f: () => setManualView(null),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const hoverLoss = hover && info ? fullLoss(info.stats, model, hover.w1, hover.w2) : NaN;
  const hasRestart = paths.some((p) => p.trajectory.jumps.length > 0);

  return (
    <figure className="panel weight-panel" data-testid="weight-panel" aria-labelledby={`${uid}-title`}>
      <figcaption className="panel-head">
        <span className="panel-title" id={`${uid}-title`}>
          Weight space: full-data loss over (w1, w2)
        </span>
        <ul className="panel-legend" aria-label="Legend">
          <li>
            <svg width="10" height="10" aria-hidden="true">
              <rect x="1" y="1" width="8" height="8" fill="#fff" stroke="#1d232b" strokeWidth="1.5" />
            </svg>
            start
          </li>
          <li>
            <svg width="22" height="8" aria-hidden="true">
              <line x1="1" x2="11" y1="4" y2="4" stroke="#1d232b" strokeWidth="2" />
              <line x1="11" x2="21" y1="4" y2="4" stroke="#a5abb3" strokeWidth="2" />
            </svg>
            path, shade alternates per epoch
          </li>
          <li>
            <svg width="16" height="16" aria-hidden="true">
              <circle cx="8" cy="8" r="7" fill="#fff" stroke="#1d232b" strokeWidth="1.2" />
              <text x="8" y="11" textAnchor="middle" fontSize="9" fontWeight="600">
                3
              </text>
            </svg>
            end of epoch 3
          </li>
          <li>
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="4.5" fill="#1d232b" stroke="#fff" strokeWidth="1.5" />
            </svg>
            now
          </li>
          {product !== null ? (
            <li>
              <svg width="18" height="8" aria-hidden="true">
                <line x1="1" x2="17" y1="4" y2="4" stroke="#1d232b" strokeWidth="1.5" strokeDasharray="5 2" />
              </svg>
              valley of best fits w1·w2 = {formatValue(product)}
            </li>
          ) : null}
          {hasRestart ? (
            <li>
              <svg width="18" height="8" aria-hidden="true">
                <line x1="1" x2="17" y1="4" y2="4" stroke="#1d232b" strokeWidth="1" strokeDasharray="3 3" />
              </svg>
              restart jump
            </li>
          ) : null}
        </ul>
      </figcaption>
      <div
        className="panel-plot"
        ref={plotRef}
        tabIndex={0}
        role="group"
        aria-label="Weight space. Arrow keys pan, plus and minus zoom, F fits the view to the paths."
        onKeyDown={onKeyDown}
      >
        <svg ref={backRef} id={`${uid}-back`} aria-hidden="true" />
        <canvas ref={canvasRef} role="img" aria-label={summary(paths, optimumW, product)} />
        <svg ref={frontRef} id={`${uid}-front`} className="panel-fg" aria-hidden="true" />
        {!primary ? <div className="panel-hint">No visible runs: show one in the runs list.</div> : null}
        <div className="panel-toolbar panel-overlay-toolbar">
          <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => setManualView(null)}>
            Fit to trajectory
          </button>
        </div>
      </div>
      <div className="panel-caption" aria-live="off">
        {hover
          ? `w1 ${formatValue(hover.w1)} · w2 ${formatValue(hover.w2)} · loss ${formatValue(hoverLoss)}${onPickInitialWeights ? ' · click to start here' : ''}`
          : info?.optimum.message && model === 'linear'
            ? info.optimum.message
            : `Lighter = lower loss. Drag to pan, wheel or +/− to zoom${onPickInitialWeights ? ', click to set the start' : ''}.`}
      </div>
    </figure>
  );
}
