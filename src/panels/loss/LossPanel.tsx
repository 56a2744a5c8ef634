// Loss curves of every visible run: the full-data loss (what the model really
// achieves), the mini-batch loss (what each step sees — its noise is the
// point), and per-epoch summaries (full loss at each epoch's end, and the
// mean batch loss a training loop prints). D3 draws; React only hosts.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunView } from '../../store/runTypes.ts';
import { paintPlot } from '../shared/canvas.ts';
import { startLossFor } from '../shared/dataCache.ts';
import { PanelShell } from '../shared/PanelShell.tsx';
import { plotSize } from '../shared/plotFrame.ts';
import { useElementSize } from '../shared/useElementSize.ts';
import type { XAxisMode } from '../shared/xAxis.ts';
import { drawBackground } from './drawBackground.ts';
import { drawCurves } from './drawCurves.ts';
import { drawEpochDots } from './drawEpochDots.ts';
import { drawForeground } from './drawForeground.ts';
import { drawHover } from './drawHover.ts';
import type { YScaleMode } from './lossDomain.ts';
import { LOSS_MARGIN, lossFrame } from './lossFrame.ts';
import { hoverRows } from './hoverRows.ts';
import { buildLossLayout, LossLayoutCache } from './lossLayout.ts';
import { LossLegend } from './LossLegend.tsx';
import { lossMarks } from './lossMarks.ts';
import { lossSummary } from './lossSummary.ts';
import { LossTooltip } from './LossTooltip.tsx';
import { LOSS_STYLE as style } from './style.ts';
import { useLossReading } from './useLossReading.ts';

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

export function LossPanel({ runs, primaryRunId = null, xAxis, yScale, smoothing }: LossPanelProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const backRef = useRef<SVGSVGElement>(null);
  const frontRef = useRef<SVGSVGElement>(null);
  const hoverRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);
  const [cache] = useState(() => new LossLayoutCache());
  const smoothed = smoothing > 0;

  const layout = useMemo(
    () => buildLossLayout(runs, { xAxis, yScale, smoothing, primaryRunId, initialLoss: (r) => startLossFor(r.settings) }, cache),
    [runs, xAxis, yScale, smoothing, primaryRunId, cache],
  );
  const frame = useMemo(() => lossFrame(layout, size.width, size.height, yScale), [layout, size.width, size.height, yScale]);
  const plotWidth = plotSize(LOSS_MARGIN, size.width, size.height)[0];
  const marks = useMemo(
    () => lossMarks(layout, { xAxis, yScale, plotWidth, epochDotSpacing: style.epochDotSpacing, epochRuleSpacing: style.epochRuleSpacing }),
    [layout, xAxis, yScale, plotWidth],
  );
  const reading = useLossReading(layout, frame);
  const rows = useMemo(() => (reading.x === null ? [] : hoverRows(layout, reading.x)), [layout, reading.x]);

  useEffect(() => {
    if (canvasRef.current) {
      paintPlot(
        canvasRef.current,
        frame,
        (ctx) => {
          drawCurves(ctx, frame, { layout, smoothed }, style);
          drawEpochDots(ctx, frame, marks.epochDots, style);
        },
        style.edgePad,
      );
    }
    if (backRef.current) drawBackground(backRef.current, frame, marks.rules, style);
    if (frontRef.current) drawForeground(frontRef.current, frame, { marks, yScale }, style);
  }, [layout, frame, marks, smoothed, yScale]);

  useEffect(() => {
    if (hoverRef.current) drawHover(hoverRef.current, frame, { x: reading.x, rows }, style);
  }, [frame, reading.x, rows]);

  return (
    <PanelShell
      className="loss-panel"
      testId="loss-panel"
      title="Loss per step"
      legend={<LossLegend smoothed={smoothed} />}
      plotRef={plotRef}
      plotProps={{
        tabIndex: 0,
        role: 'group',
        'aria-label': 'Loss chart. Use the arrow keys to read the values step by step.',
        onKeyDown: reading.onKeyDown,
        onBlur: reading.stop,
      }}
    >
      <svg ref={backRef} aria-hidden="true" />
      <canvas ref={canvasRef} role="img" aria-label={lossSummary(layout)} />
      <svg ref={frontRef} className="panel-fg" aria-hidden="true" onPointerMove={reading.onPointerMove} onPointerLeave={reading.stop} />
      <svg ref={hoverRef} aria-hidden="true" style={{ pointerEvents: 'none' }} width={size.width} height={size.height} />
      {layout.series.length === 0 ? (
        <div className="panel-hint">No visible runs: show one in the runs list.</div>
      ) : !layout.hasRows ? (
        <div className="panel-hint">Press play: the loss of every step appears here.</div>
      ) : null}
      {reading.x !== null && rows.length > 0 ? (
        <LossTooltip rows={rows} left={frame.x(reading.x)} width={size.width} top={LOSS_MARGIN.top} announce={reading.announce} />
      ) : null}
    </PanelShell>
  );
}
