// Loss curves of every visible run: the full-data loss (what the model really
// achieves), the mini-batch loss (what each step sees — its noise is the
// point), the validation loss per step for a run with a validation set, and
// per-epoch summaries (full loss at each epoch's end, the mean batch loss a
// training loop prints, val_loss there). D3 draws; React only hosts.
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type Ref } from 'react';
import type { RunView } from '../../store/runTypes.ts';
import type { XZoom } from '../../url/view.ts';
import type { ChartExporter } from '../shared/exportTypes.ts';
import { startLossFor } from '../shared/dataCache.ts';
import { deferred } from '../shared/deferred.tsx';
import { PanelShell } from '../shared/PanelShell.tsx';
import { plotSize } from '../shared/plotFrame.ts';
import { useElementSize } from '../shared/useElementSize.ts';
import { useLivePaint, type RunSource } from '../shared/useLivePaint.ts';
import type { XAxisMode } from '../shared/xAxis.ts';
import type { YScaleMode } from './lossDomain.ts';
import { LOSS_MARGIN, lossFrame } from './lossFrame.ts';
import { buildLossLayout, LossLayoutCache } from './lossLayout.ts';
import { showsValidation, thinnedNote } from './legendEntries.ts';
import { LossLegend } from './LossLegend.tsx';
import { LossPainter } from './lossPainter.ts';
import type { Raster } from '../shared/heldRepaint.ts';
import { hasClipMarks, LOSS_TITLES, lossMarks } from './lossMarks.ts';
import { lossSummary } from './lossSummary.ts';
import { lossStyleFor } from './style.ts';
import { useLossReading } from './useLossReading.ts';
import { useXZoom } from './useXZoom.ts';
import { timelineMarkX } from './timelineMark.ts';
import { primaryRun } from '../../store/selectors.ts';
import { smoothingLabel } from './smoothing.ts';
import './loss.css';

export interface LossPanelProps {
  /** All runs; hidden ones (visible = false) are not drawn. */
  readonly runs: readonly RunView[];
  /** The run whose epoch boundaries are ruled; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
  readonly xAxis: XAxisMode;
  readonly yScale: YScaleMode;
  /** EMA weight in [0, 1): 0 draws raw curves; above 0 the smoothed curves are drawn over faint raw ones. */
  readonly smoothing: number;
  /** The zoomed x-range (x-axis units), or null for the whole run. */
  readonly zoom?: XZoom | null;
  readonly logX?: boolean;
  /** Called with a new zoom (null: the whole run) by drag, double-click, keys or the reset button; without it the chart does not zoom. */
  readonly onZoom?: (zoom: XZoom | null) => void;
  /** The presentation view: the style with heavier lines and larger marks (style.ts). */
  readonly present?: boolean;
  /** Set to the chart's exporter, for its PNG and SVG buttons. */
  readonly exportRef?: Ref<ChartExporter | null>;
  /**
   * The runs as they are now, for painting the curves on every frame; `runs`
   * may then lag (the page passes them at a lower rate while training), and
   * is used for what the chart says in text. Without it `runs` is painted.
   */
  readonly live?: RunSource;
  /** The page's raster worker, where large whole repaints go while a run trains (none: all on the main thread). */
  readonly raster?: Raster | null;
  /** The primary run's step the timeline looks at (ruled on the chart), or null for now. */
  readonly lookedAt?: number | null;
}

const FALLBACK_SIZE = { width: 560, height: 290 };

// Reading the chart (crosshair, dots, the table of values) is not needed for the first paint: its code loads just after.
const LossHover = deferred('the loss chart’s reading', () => import('./LossHover.tsx').then((m) => m.LossHover));

export function LossPanel({ runs, primaryRunId = null, xAxis, yScale, smoothing, zoom = null, logX = false, onZoom, present = false, exportRef, live, lookedAt = null, raster = null }: LossPanelProps) {
  const style = lossStyleFor(present);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const backRef = useRef<SVGSVGElement>(null);
  const frontRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);
  const [cache] = useState(() => new LossLayoutCache());
  const [painter] = useState(() => new LossPainter(raster));
  useEffect(() => () => painter.dispose(), [painter]);

  const layout = useMemo(
    () => buildLossLayout(runs, { xAxis, yScale, smoothing, primaryRunId, initialLoss: (r) => startLossFor(r.settings), zoom, logX }, cache),
    [runs, xAxis, yScale, smoothing, primaryRunId, cache, zoom, logX],
  );
  const frame = useMemo(() => lossFrame(layout, size.width, size.height, yScale), [layout, size.width, size.height, yScale]);
  const plotWidth = plotSize(LOSS_MARGIN, size.width, size.height)[0];
  const marks = useMemo(
    () =>
      lossMarks(layout, {
        xAxis,
        yScale,
        plotWidth,
        epochDotSpacing: style.epochDotSpacing,
        epochRuleSpacing: style.epochRuleSpacing,
        clipMarkSpacing: style.clipMarkSpacing,
        // The painter places the marks on the axes; the panel only says whether there are any.
        edges: false,
      }),
    [layout, xAxis, yScale, plotWidth, style],
  );
  const clipped = useMemo(() => hasClipMarks(layout), [layout]);
  // The export redraws the runs as they are at the click, with its code loaded only then.
  useImperativeHandle(
    exportRef,
    () => () => {
      const input = { runs, options: { xAxis, yScale, smoothing, primaryRunId, initialLoss: (r: RunView) => startLossFor(r.settings), zoom, logX }, screen: size };
      return import('./lossExport.ts').then((m) => m.lossExport(input));
    },
    [runs, xAxis, yScale, smoothing, primaryRunId, zoom, logX, size],
  );
  const zooming = useXZoom(layout, frame, xAxis, onZoom);
  const reading = useLossReading(layout, frame, frontRef, zooming.cancel);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!zooming.onKeyDown(event)) reading.onKeyDown(event);
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    reading.onPointerDown(event);
    zooming.onPointerDown(event);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    reading.onPointerMove(event);
    zooming.onPointerMove(event);
  };
  const markX = timelineMarkX(frame, primaryRun(runs, primaryRunId), lookedAt, xAxis);

  useLivePaint(live, runs, (now) =>
    painter.paint({ canvas: canvasRef.current, back: backRef.current, front: frontRef.current }, now, { xAxis, yScale, smoothing, primaryRunId, zoom, logX, width: size.width, height: size.height, style }),
  );

  return (
    <PanelShell
      className="loss-panel"
      testId="loss-panel"
      title={LOSS_TITLES[xAxis]}
      legend={<LossLegend smoothing={layout.smoothWindow > 0 ? smoothingLabel(layout.smoothWindow, xAxis) : null} clipped={clipped} style={style} validation={showsValidation(layout)} />}
      plotRef={plotRef}
      plotProps={{
        tabIndex: 0,
        role: 'group',
        'aria-label': 'Loss chart. Use the arrow keys to read the values step by step; drag, or + and −, to zoom, [ and ] to pan, 0 or a double-click to reset.',
        onKeyDown,
        onBlur: reading.stop,
      }}
    >
      <svg ref={backRef} aria-hidden="true" />
      <canvas ref={canvasRef} role="img" aria-label={lossSummary(layout)} />
      <svg
        ref={frontRef}
        className="panel-fg"
        data-testid="loss-plot-surface"
        aria-hidden="true"
        onPointerMove={onPointerMove}
        onPointerLeave={reading.onPointerLeave}
        onPointerDown={onPointerDown}
        onPointerUp={zooming.onPointerUp}
        onPointerCancel={zooming.cancel}
        onDoubleClick={zooming.onDoubleClick}
      />
      <LossHover layout={layout} frame={frame} x={reading.x} announce={reading.announce} width={size.width} height={size.height} style={style} />
      {layout.series.length === 0 ? (
        <div className="panel-hint">No visible runs: show one in the runs list.</div>
      ) : !layout.hasRows ? (
        <div className="panel-hint">Press play: the loss of every step appears here.</div>
      ) : !layout.hasRowsInWindow ? (
        <div className="panel-hint">No steps in the zoomed range yet: double-click or reset to see the whole run.</div>
      ) : null}
      {markX !== null ? (
        <div className="timeline-mark" data-testid="loss-timeline-mark" style={{ left: markX, top: LOSS_MARGIN.top, bottom: LOSS_MARGIN.bottom }} title={`The step the timeline looks at: ${lookedAt}`} />
      ) : null}
      {zooming.band ? (
        <div
          className="zoom-band"
          style={{ left: Math.min(...zooming.band), width: Math.abs(zooming.band[1] - zooming.band[0]), top: LOSS_MARGIN.top, bottom: LOSS_MARGIN.bottom }}
        />
      ) : null}
      {layout.window.zoomed && onZoom ? (
        <button
          type="button"
          className="zoom-reset"
          data-testid="loss-zoom-reset"
          aria-label="reset zoom"
          title="Show the whole run (0 or a double-click on the chart does the same)"
          onClick={() => onZoom(null)}
        >
          reset
        </button>
      ) : null}
      {marks.thinnedSteps > 0 ? (
        <div
          className="thinned-note"
          data-testid="loss-thinned"
          style={{ right: LOSS_MARGIN.right }}
          title={`Zoomed in this far the chart shows level-of-detail buckets: each kept row stands for up to ${marks.thinnedSteps} steps, of which the first, lowest, highest and last are drawn.`}
        >
          {thinnedNote(marks.thinnedSteps)}
        </div>
      ) : null}
    </PanelShell>
  );
}
