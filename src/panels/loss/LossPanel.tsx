// Loss curves of every visible run: the full-data loss (what the model really
// achieves), the mini-batch loss (what each step sees — its noise is the
// point), and per-epoch summaries (full loss at each epoch's end, and the
// mean batch loss a training loop prints). D3 draws; React only hosts.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { select } from 'd3-selection';
import { drawAxes, tickCount } from '../shared/axes.ts';
import type { RunView } from '../../store/runTypes.ts';
import { preparePlot } from '../shared/canvas.ts';
import { startLossFor } from '../shared/dataCache.ts';
import { countOf, formatCount, formatEpochs, formatValue } from '../shared/format.ts';
import { clampToDomain, type YScaleMode } from './lossDomain.ts';
import { makeFrame, MARGIN, type Frame } from './lossFrame.ts';
import { buildLossLayout, hoverRows, LossLayoutCache, type DrawnLine, type LineSeries, type LossLayout } from './lossLayout.ts';
import { nearestIndex } from './nearest.ts';
import { drawDecimated } from '../shared/pixelLine.ts';
import { formatCountTick, formatValueTick, logTickLabeller } from '../shared/ticks.ts';
import { useElementSize } from '../shared/useElementSize.ts';
import { epochBoundaries, niceStride, X_AXIS_LABELS, type XAxisMode } from '../shared/xAxis.ts';
import '../shared/panels.css';

export interface LossPanelProps {
  /** All runs; hidden ones (visible = false) are not drawn. */
  readonly runs: readonly RunView[];
  /** The run whose epoch boundaries are ruled; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  /** EMA weight in [0, 1): 0 draws raw curves; above 0 the smoothed curves are drawn over faint raw ones. */
  readonly smoothing: number;
}

const FALLBACK_SIZE = { width: 560, height: 290 };

/** Strokes rows as one polyline, breaking at NaN; values off the axis are drawn on its edge. */
function strokeLine(ctx: CanvasRenderingContext2D, frame: Frame, { x: xs, y: ys, length }: DrawnLine): void {
  ctx.beginPath();
  drawDecimated(xs, ys, length, frame.xPixels, frame.yPixels, ctx);
  ctx.stroke();
}

function drawLine(ctx: CanvasRenderingContext2D, frame: Frame, line: LineSeries, color: string, width: number, alpha: number, smoothed: boolean): void {
  if (line.length === 0) return;
  ctx.strokeStyle = color;
  if (smoothed && line.drawnSmooth) {
    // The raw curve stays visible behind the smoothed one, so smoothing never hides what happened.
    ctx.globalAlpha = alpha * 0.35;
    ctx.lineWidth = Math.max(0.75, width * 0.6);
    strokeLine(ctx, frame, line.drawn);
    ctx.globalAlpha = alpha;
    ctx.lineWidth = width;
    strokeLine(ctx, frame, line.drawnSmooth);
  } else {
    ctx.globalAlpha = alpha;
    ctx.lineWidth = width;
    strokeLine(ctx, frame, line.drawn);
  }
  ctx.globalAlpha = 1;
}

function drawCanvas(canvas: HTMLCanvasElement, layout: LossLayout, frame: Frame, smoothing: number): void {
  // 4 px beyond the plot's top and bottom, so epoch markers on the axis limits are not cut in half.
  const ctx = preparePlot(canvas, frame, 4);
  if (!ctx) return;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const smoothed = smoothing > 0;
  const order = [...layout.series].sort((a, b) => Number(a === layout.primary) - Number(b === layout.primary));
  // All batch curves first, so the full-loss curves of every run stay on top of the noise.
  for (const s of order) drawLine(ctx, frame, s.batch, s.run.color, smoothed ? 1.1 : 0.8, smoothed ? 0.75 : 0.32, smoothed);
  for (const s of order) drawLine(ctx, frame, s.full, s.run.color, 2, 1, smoothed);

  const domain = frame.y.domain() as [number, number];
  const [x0, x1] = frame.x.range();
  const plotWidth = x1 - x0;
  for (const s of order) {
    const e = s.epochs;
    const stride = niceStride(e.length, Math.max(1, plotWidth / 7));
    ctx.lineWidth = 1.25;
    for (let i = stride - 1; i < e.length; i += stride) {
      const px = frame.x(e.x[i]);
      const mean = clampToDomain(e.mean[i], domain);
      if (!Number.isNaN(mean)) {
        ctx.beginPath();
        ctx.arc(px, frame.y(mean), 3.2, 0, 2 * Math.PI);
        ctx.fillStyle = '#fff';
        ctx.fill();
        ctx.strokeStyle = s.run.color;
        ctx.stroke();
      }
      const loss = clampToDomain(e.loss[i], domain);
      if (!Number.isNaN(loss)) {
        ctx.beginPath();
        ctx.arc(px, frame.y(loss), 3.2, 0, 2 * Math.PI);
        ctx.fillStyle = s.run.color;
        ctx.fill();
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 0.75;
        ctx.stroke();
        ctx.lineWidth = 1.25;
      }
    }
  }
  ctx.restore();
}

/** The first row of a run whose loss is above the axis or not finite: where it leaves the chart. */
function firstOffScale(line: LineSeries, top: number): number {
  for (let i = 0; i < line.length; i++) if (!(line.y[i] <= top)) return i;
  return -1;
}

function drawBackground(svg: SVGSVGElement, layout: LossLayout, frame: Frame, xAxis: XAxisMode): void {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const yTicks = frame.y.ticks(Math.max(2, Math.round((y0 - y1) / 45)));
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
  const primary = layout.primary;
  const rules = primary ? epochBoundaries(primary.epochs.length, xAxis, primary.plan, Math.max(1, (x1 - x0) / 6)) : [];
  root
    .selectAll('g.rules')
    .data([0])
    .join('g')
    .attr('class', 'rules')
    .selectAll('line')
    .data(rules.filter((r) => r.x <= frame.x.domain()[1]))
    .join('line')
    .attr('class', 'epoch-rule')
    .attr('x1', (d) => frame.x(d.x))
    .attr('x2', (d) => frame.x(d.x))
    .attr('y1', y1)
    .attr('y2', y0);
}

function drawForeground(svg: SVGSVGElement, layout: LossLayout, frame: Frame, xAxis: XAxisMode, yScale: YScaleMode): void {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const yTickCount = tickCount(y0 - y1, 45);
  const yLabel = yScale === 'log' ? logTickLabeller(frame.y.ticks(yTickCount), yTickCount + 1) : formatValueTick;
  drawAxes(root, frame, {
    xTickSpacing: 80,
    yTickSpacing: 45,
    yTickCount,
    xFormat: formatCountTick,
    yFormat: yLabel,
    titles: [X_AXIS_LABELS[xAxis], yScale === 'log' ? 'loss (MSE, log scale)' : 'loss (MSE)'],
    xTitleInset: 4,
    yTitleInset: 11,
  });

  // A run whose loss leaves the top of the axis gets a marker there, so a clipped curve is never mistaken for a flat one.
  const top = (frame.y.domain() as [number, number])[1];
  const off = layout.series
    .map((s) => ({ s, i: firstOffScale(s.full, top) }))
    .filter((d) => d.i >= 0)
    .map((d) => ({ color: d.s.run.color, x: frame.x(d.s.full.x[d.i]), step: d.s.full.step[d.i], name: d.s.run.name }));
  const marks = root
    .selectAll('g.off-scale')
    .data([0])
    .join('g')
    .attr('class', 'off-scale')
    .selectAll<SVGGElement, (typeof off)[number]>('g')
    .data(off)
    .join((enter) => {
      const g = enter.append('g');
      g.append('path').attr('d', 'M0,0 L-5,8 L5,8 Z');
      g.append('text').attr('x', 7).attr('y', 9).attr('font-size', 10);
      g.append('title');
      return g;
    })
    .attr('transform', (d) => `translate(${Math.min(Math.max(d.x, x0 + 6), x1 - 60)},${y1 - 2})`);
  marks.select('path').attr('fill', (d) => d.color);
  marks
    .select('text')
    .attr('fill', (d) => d.color)
    .text('off scale');
  marks.select('title').text((d) => `${d.name}: the loss leaves the top of the axis at step ${formatCount(d.step)}${yScale === 'linear' ? ' (switch y to log to see it)' : ''}`);
}

function drawHover(svg: SVGSVGElement, frame: Frame, hoverX: number | null, rows: ReturnType<typeof hoverRows>): void {
  const root = select(svg);
  const [y0, y1] = frame.y.range();
  const [x0, x1] = frame.x.range();
  const visible = hoverX !== null && rows.length > 0;
  const px = visible ? Math.min(Math.max(frame.x(hoverX), x0), x1) : 0;
  root
    .selectAll('line.crosshair')
    .data(visible ? [px] : [])
    .join('line')
    .attr('class', 'crosshair')
    .attr('stroke', '#5b6572')
    .attr('stroke-width', 1)
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
    .attr('r', 4)
    .attr('fill', (d) => d.run.color)
    .attr('stroke', '#fff')
    .attr('stroke-width', 1.5)
    .attr('cx', (d) => frame.x(d.x))
    .attr('cy', (d) => frame.y(clampToDomain(d.loss, domain)));
}

function summary(layout: LossLayout): string {
  if (layout.series.length === 0) return 'Loss chart: no visible runs.';
  if (!layout.hasRows) return 'Loss chart: no steps taken yet.';
  return layout.series
    .map((s) => {
      const n = s.full.length;
      if (n === 0) return `${s.run.name}: not started`;
      return `${s.run.name}: full-data loss after ${countOf(s.full.step[n - 1], 'step')}: ${formatValue(s.full.y[n - 1])}`;
    })
    .join('; ');
}

export function LossPanel({ runs, primaryRunId = null, xAxis, yScale, smoothing }: LossPanelProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const backRef = useRef<SVGSVGElement>(null);
  const frontRef = useRef<SVGSVGElement>(null);
  const hoverRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);
  const [hoverX, setHoverX] = useState<number | null>(null);
  // Only keyboard reading is announced: announcing every pointer move would drown a screen reader.
  const [announce, setAnnounce] = useState(false);
  const [cache] = useState(() => new LossLayoutCache());

  const layout = useMemo(
    () => buildLossLayout(runs, { xAxis, yScale, smoothing, primaryRunId, initialLoss: (r) => startLossFor(r.settings) }, cache),
    [runs, xAxis, yScale, smoothing, primaryRunId, cache],
  );
  const frame = useMemo(() => makeFrame(layout, size.width, size.height, yScale), [layout, size.width, size.height, yScale]);
  const rows = useMemo(() => (hoverX === null ? [] : hoverRows(layout, hoverX)), [layout, hoverX]);

  useEffect(() => {
    if (canvasRef.current) drawCanvas(canvasRef.current, layout, frame, smoothing);
    if (backRef.current) drawBackground(backRef.current, layout, frame, xAxis);
    if (frontRef.current) drawForeground(frontRef.current, layout, frame, xAxis, yScale);
  }, [layout, frame, smoothing, xAxis, yScale]);

  useEffect(() => {
    if (hoverRef.current) drawHover(hoverRef.current, frame, hoverX, rows);
  }, [frame, hoverX, rows]);

  const onPointerMove = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      const box = event.currentTarget.getBoundingClientRect();
      const px = event.clientX - box.left;
      const [x0, x1] = frame.x.range();
      setHoverX(px < x0 - 4 || px > x1 + 4 ? null : frame.x.invert(px));
      setAnnounce(false);
    },
    [frame],
  );

  // Keyboard: arrows walk the primary run's rows (Shift: ten at a time), Home/End jump, Escape hides.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const line = layout.primary?.full;
      if (!line || line.length === 0) return;
      const current = hoverX === null ? line.length - 1 : nearestIndex(line.x, line.length, hoverX);
      const jump = event.shiftKey ? 10 : 1;
      let next: number | null;
      if (event.key === 'ArrowRight') next = Math.min(line.length - 1, current + (hoverX === null ? 0 : jump));
      else if (event.key === 'ArrowLeft') next = Math.max(0, current - (hoverX === null ? 0 : jump));
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = line.length - 1;
      else if (event.key === 'Escape') next = null;
      else return;
      event.preventDefault();
      setHoverX(next === null ? null : line.x[next]);
      setAnnounce(true);
    },
    [layout, hoverX],
  );

  const tooltipLeft = hoverX === null ? 0 : frame.x(hoverX);
  const flip = tooltipLeft > size.width / 2;
  const smoothed = smoothing > 0;

  return (
    <figure className="panel loss-panel" data-testid="loss-panel" aria-labelledby={`${uid}-title`}>
      <figcaption className="panel-head">
        <span className="panel-title" id={`${uid}-title`}>
          Loss per step
        </span>
        <ul className="panel-legend" aria-label="Legend">
          <li>
            <svg width="18" height="8" aria-hidden="true">
              <line x1="1" x2="17" y1="4" y2="4" stroke="#1d232b" strokeWidth="2" />
            </svg>
            full-data loss
          </li>
          <li>
            <svg width="18" height="8" aria-hidden="true">
              <polyline points="1,6 4,2 7,5 10,1 13,6 17,3" fill="none" stroke="#1d232b" strokeWidth="0.8" opacity="0.45" />
            </svg>
            mini-batch loss{smoothed ? ' (smoothed over faint raw)' : ''}
          </li>
          <li>
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="3.2" fill="#1d232b" />
            </svg>
            full loss at epoch end
          </li>
          <li>
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="3.2" fill="#fff" stroke="#1d232b" strokeWidth="1.25" />
            </svg>
            epoch mean of batch losses (what a training loop prints)
          </li>
          <li>
            <svg width="10" height="12" aria-hidden="true">
              <line x1="5" x2="5" y1="0" y2="12" stroke="#b4bcc6" strokeDasharray="2 3" />
            </svg>
            epoch end
          </li>
        </ul>
      </figcaption>
      <div
        className="panel-plot"
        ref={plotRef}
        tabIndex={0}
        role="group"
        aria-label="Loss chart. Use the arrow keys to read the values step by step."
        onKeyDown={onKeyDown}
        onBlur={() => setHoverX(null)}
      >
        <svg ref={backRef} aria-hidden="true" />
        <canvas ref={canvasRef} role="img" aria-label={summary(layout)} />
        <svg ref={frontRef} className="panel-fg" aria-hidden="true" onPointerMove={onPointerMove} onPointerLeave={() => setHoverX(null)} />
        <svg ref={hoverRef} aria-hidden="true" style={{ pointerEvents: 'none' }} width={size.width} height={size.height} />
        {layout.series.length === 0 ? (
          <div className="panel-hint">No visible runs: show one in the runs list.</div>
        ) : !layout.hasRows ? (
          <div className="panel-hint">Press play: the loss of every step appears here.</div>
        ) : null}
        {hoverX !== null && rows.length > 0 ? (
          <div
            className="panel-tooltip"
            role={announce ? 'status' : undefined}
            style={{ top: MARGIN.top + 2, ...(flip ? { right: size.width - tooltipLeft + 10 } : { left: tooltipLeft + 10 }) }}
          >
            <table>
              <thead>
                <tr>
                  <th />
                  <th>step</th>
                  <th>epoch</th>
                  <th>full loss</th>
                  <th>batch loss</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.run.id}>
                    <td>
                      <span className="swatch-dot" style={{ background: r.run.color }} />
                      {r.run.name}
                    </td>
                    <td>{formatCount(r.step)}</td>
                    <td>{formatEpochs(r.epoch)}</td>
                    <td>{formatValue(r.loss)}</td>
                    <td>{r.step === 0 ? 'start' : formatValue(r.batchLoss)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </figure>
  );
}
