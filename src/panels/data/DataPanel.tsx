// The training examples, the current fit, and the current mini-batch
// highlighted — so a learner sees which examples one step looked at, and how
// shuffling changes them from step to step and epoch to epoch.
import { useEffect, useId, useMemo, useRef } from 'react';
import { scaleLinear } from 'd3-scale';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { select } from 'd3-selection';
import { drawAxes } from '../shared/axes.ts';
import type { Dataset } from '../../core/index.ts';
import type { RunView } from '../../store/runTypes.ts';
import { preparePlot } from '../shared/canvas.ts';
import { datasetFor, dataKey, statsFor } from '../shared/dataCache.ts';
import { countOf, formatCount, formatValue } from '../shared/format.ts';
import { batchCaption, paddedExtent, predict, residualBin, residualRange } from './scatterModel.ts';
import { subsampleCount, subsampleStride } from './subsample.ts';
import { formatValueTick } from '../shared/ticks.ts';
import { useElementSize } from '../shared/useElementSize.ts';
import '../shared/panels.css';

export interface DataPanelProps {
  /** All runs; the primary one's data, fit and batch are shown. */
  readonly runs: readonly RunView[];
  /** The run shown; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
}

const MARGIN = { top: 6, right: 8, bottom: 28, left: 36 };
const FALLBACK_SIZE = { width: 360, height: 200 };
/** More dots than this add nothing visible and cost drawing time every frame. */
export const MAX_DRAWN_POINTS = 20_000;
const RESIDUAL_BINS = 33;
const RESIDUAL_COLOURS = Array.from({ length: RESIDUAL_BINS }, (_, i) => interpolateRdBu(1 - i / (RESIDUAL_BINS - 1)));

type Scale = ReturnType<typeof scaleLinear<number, number>>;

interface Frame {
  readonly width: number;
  readonly height: number;
  readonly x: Scale;
  readonly y: Scale;
}

interface Fit {
  readonly model: RunView['settings']['model'];
  readonly w1: number;
  readonly w2: number;
}

/** Dot radius and opacity that keep a cloud of n dots readable. */
function dotStyle(count: number): { r: number; alpha: number } {
  if (count <= 300) return { r: 2.6, alpha: 0.6 };
  if (count <= 3000) return { r: 1.8, alpha: 0.45 };
  return { r: 1.2, alpha: 0.3 };
}

function drawBase(canvas: HTMLCanvasElement, frame: Frame, data: Dataset, plane: boolean, fit: Fit, range: number): void {
  const ctx = preparePlot(canvas, frame);
  if (!ctx) return;
  const stride = subsampleStride(data.n, MAX_DRAWN_POINTS);
  const { r, alpha } = dotStyle(subsampleCount(data.n, MAX_DRAWN_POINTS));
  const ys = plane ? data.x2 : data.y;
  if (!plane) {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = '#5b6572';
    ctx.beginPath();
    for (let i = 0; i < data.n; i += stride) {
      const px = frame.x(data.x1[i]);
      const py = frame.y(ys[i]);
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  } else {
    // One fill per colour bin rather than per dot: setting fillStyle 20,000 times a frame is the slow part.
    const bins: number[][] = Array.from({ length: RESIDUAL_BINS }, () => []);
    for (let i = 0; i < data.n; i += stride) {
      const residual = data.y[i] - predict(fit.model, fit.w1, fit.w2, data.x1[i], data.x2[i]);
      bins[residualBin(residual, range, RESIDUAL_BINS)].push(i);
    }
    ctx.globalAlpha = Math.min(0.9, alpha + 0.3);
    bins.forEach((members, b) => {
      if (members.length === 0) return;
      ctx.fillStyle = RESIDUAL_COLOURS[b];
      ctx.beginPath();
      for (const i of members) {
        const px = frame.x(data.x1[i]);
        const py = frame.y(ys[i]);
        ctx.moveTo(px + r + 0.6, py);
        ctx.arc(px, py, r + 0.6, 0, 2 * Math.PI);
      }
      ctx.fill();
    });
  }
  ctx.restore();
}

function drawOverlay(
  canvas: HTMLCanvasElement,
  frame: Frame,
  data: Dataset,
  plane: boolean,
  fit: Fit | null,
  best: Fit | null,
  batch: Uint32Array,
  color: string,
  range: number,
): void {
  const ctx = preparePlot(canvas, frame);
  if (!ctx) return;
  if (!plane) {
    const [a, b] = frame.x.domain();
    const line = (f: Fit, style: string, width: number, dash: number[]): void => {
      ctx.beginPath();
      ctx.setLineDash(dash);
      ctx.strokeStyle = style;
      ctx.lineWidth = width;
      ctx.moveTo(frame.x(a), clampPx(frame.y(predict(f.model, f.w1, f.w2, a, 1))));
      ctx.lineTo(frame.x(b), clampPx(frame.y(predict(f.model, f.w1, f.w2, b, 1))));
      ctx.stroke();
    };
    if (best) line(best, '#1d232b', 1.25, [5, 4]);
    if (fit) line(fit, color, 2.25, []);
    ctx.setLineDash([]);
  }
  const ys = plane ? data.x2 : data.y;
  ctx.lineWidth = plane ? 1.6 : 1.25;
  ctx.strokeStyle = '#1d232b';
  for (let j = 0; j < batch.length; j++) {
    const i = batch[j];
    if (i >= data.n) continue;
    const px = frame.x(data.x1[i]);
    const py = frame.y(ys[i]);
    ctx.beginPath();
    ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
    if (plane && fit) {
      const residual = data.y[i] - predict(fit.model, fit.w1, fit.w2, data.x1[i], data.x2[i]);
      ctx.fillStyle = RESIDUAL_COLOURS[residualBin(residual, range, RESIDUAL_BINS)];
    } else ctx.fillStyle = color;
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

function clampPx(v: number): number {
  return Number.isFinite(v) ? Math.max(-1e6, Math.min(1e6, v)) : v > 0 ? 1e6 : -1e6;
}

function drawDataAxes(svg: SVGSVGElement, frame: Frame, titles: [string, string]): void {
  const root = select(svg).attr('width', frame.width).attr('height', frame.height);
  drawAxes(root, frame, { xTickSpacing: 60, yTickSpacing: 40, xFormat: formatValueTick, yFormat: formatValueTick, titles, xTitleInset: 2, yTitleInset: 9 });
}

function fitFormula(fit: Fit): string {
  if (fit.model === 'deep') return `ŷ = ${formatValue(fit.w1 * fit.w2)}·x`;
  return `ŷ = ${formatValue(fit.w1)}·x ${fit.w2 < 0 ? '−' : '+'} ${formatValue(Math.abs(fit.w2))}`;
}

export function DataPanel({ runs, primaryRunId = null }: DataPanelProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const plotRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const axesRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);

  const visible = runs.filter((r) => r.visible);
  const run = visible.find((r) => r.id === primaryRunId) ?? visible[0];
  const settings = run?.settings;
  const key = settings ? dataKey(settings) : '';
  // Data depend only on the data-determining settings: regenerated (and memoised across panels) only when those change.
  const data = useMemo(() => (settings ? datasetFor(settings) : null), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const optimum = useMemo(() => (settings ? statsFor(settings).optimum : null), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const plane = settings?.data === 'plane';
  const model = settings?.model ?? 'linear';

  const batch = run?.cursor.batch;
  const stride = data ? subsampleStride(data.n, MAX_DRAWN_POINTS) : 1;
  const extents = useMemo(() => {
    if (!data) return null;
    const none = new Uint32Array(0);
    return { x: paddedExtent(data.x1, stride, none), y: paddedExtent(plane ? data.x2 : data.y, stride, none), range: residualRange(data.y, stride) };
  }, [data, stride, plane]);
  const frame = useMemo<Frame>(() => {
    const x = scaleLinear()
      .domain(extents?.x ?? [-1, 1])
      .range([MARGIN.left, Math.max(MARGIN.left + 1, size.width - MARGIN.right)]);
    const y = scaleLinear()
      .domain(extents?.y ?? [-1, 1])
      .range([Math.max(MARGIN.top + 1, size.height - MARGIN.bottom), MARGIN.top]);
    return { width: size.width, height: size.height, x, y };
  }, [extents, size.width, size.height]);

  const started = (run?.cursor.step ?? 0) > 0;
  const w1 = started ? run!.cursor.w1 : (settings?.w0[0] ?? 0);
  const w2 = started ? run!.cursor.w2 : (settings?.w0[1] ?? 0);
  const fit: Fit | null = run ? { model, w1, w2 } : null;
  const best: Fit | null = optimum ? { model, w1: optimum.w[0], w2: optimum.w[1] } : null;
  const range = extents?.range ?? 1;
  const color = run?.color ?? '#1d232b';

  useEffect(() => {
    if (baseRef.current && data) drawBase(baseRef.current, frame, data, plane, { model, w1, w2 }, range);
    // Line data do not depend on the weights: the base layer is redrawn only for plane data as the fit moves.
  }, [frame, data, plane, model, range, plane ? w1 : 0, plane ? w2 : 0]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (overlayRef.current && data) {
      drawOverlay(overlayRef.current, frame, data, plane, { model, w1, w2 }, best, started ? (batch ?? new Uint32Array(0)) : new Uint32Array(0), color, range);
    }
  }, [frame, data, plane, model, w1, w2, best?.w1, best?.w2, batch, color, range, started]); // eslint-disable-line react-hooks/exhaustive-deps
  const titles: [string, string] = plane ? ['x1', 'x2'] : ['x (input)', 'y (label)'];
  useEffect(() => {
    if (axesRef.current) drawDataAxes(axesRef.current, frame, titles);
  }, [frame, plane]); // eslint-disable-line react-hooks/exhaustive-deps

  const caption = run
    ? batchCaption(
        { step: run.cursor.step, batchInEpoch: run.cursor.batchInEpoch, batchSize: run.cursor.batchSize, highlighted: run.cursor.batch.length },
        run.schedule,
        run.settings.shuffle,
      )
    : 'No visible run.';
  const drawn = data ? subsampleCount(data.n, MAX_DRAWN_POINTS) : 0;
  const label = !data
    ? 'Training data: no visible run.'
    : `Training data: ${countOf(data.n, 'example')}${drawn < data.n ? ` (${formatCount(drawn)} drawn)` : ''}` +
      (plane ? ', x1 against x2 coloured by residual' : `, y against x; current fit ${fit ? fitFormula(fit) : ''}`) +
      `. ${caption}`;

  return (
    <figure className="panel data-panel" data-testid="data-panel" aria-labelledby={`${uid}-title`}>
      <figcaption className="panel-head">
        <span className="panel-title" id={`${uid}-title`}>
          Training data{data ? ` (n = ${formatCount(data.n)})` : ''}
        </span>
        <ul className="panel-legend" aria-label="Legend">
          <li>
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="4" fill={plane ? '#fff' : color} stroke="#1d232b" strokeWidth={plane ? 1.6 : 1.2} />
            </svg>
            current mini-batch{plane ? ' (large, outlined)' : ''}
          </li>
          {plane ? (
            <li>
              <svg width="30" height="8" aria-hidden="true">
                <rect x="0" y="0" width="10" height="8" fill={RESIDUAL_COLOURS[0]} />
                <rect x="10" y="0" width="10" height="8" fill={RESIDUAL_COLOURS[(RESIDUAL_BINS - 1) / 2]} />
                <rect x="20" y="0" width="10" height="8" fill={RESIDUAL_COLOURS[RESIDUAL_BINS - 1]} />
              </svg>
              residual y − ŷ: below / on / above the fit
            </li>
          ) : (
            <>
              <li>
                <svg width="18" height="8" aria-hidden="true">
                  <line x1="1" x2="17" y1="4" y2="4" stroke={color} strokeWidth="2.25" />
                </svg>
                current fit {fit ? fitFormula(fit) : ''}
              </li>
              <li>
                <svg width="18" height="8" aria-hidden="true">
                  <line x1="1" x2="17" y1="4" y2="4" stroke="#1d232b" strokeWidth="1.25" strokeDasharray="5 4" />
                </svg>
                best fit
              </li>
            </>
          )}
        </ul>
      </figcaption>
      <div className="panel-plot" ref={plotRef}>
        <canvas ref={baseRef} aria-hidden="true" />
        <canvas ref={overlayRef} role="img" aria-label={label} />
        <svg ref={axesRef} aria-hidden="true" />
        {!run ? <div className="panel-hint">No visible runs: show one in the runs list.</div> : null}
      </div>
      <div className="panel-caption" data-testid="data-caption">
        {caption}
      </div>
    </figure>
  );
}
