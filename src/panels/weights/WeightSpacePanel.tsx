// The loss over the two weights, and each run's path across it. Epoch e+1
// visibly starts where epoch e ended: the path is one line whose shade
// alternates per epoch, with numbered circles at the epoch ends. Restarts
// (restart=1) appear as dashed jumps, because that is what they are.
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { fullLoss } from '../../core/loss.ts';
import { startWeights } from '../../core/init.ts';
import type { RunView } from '../../store/runTypes.ts';
import { primaryRun } from '../../store/selectors.ts';
import type { ChartExporter } from '../shared/exportTypes.ts';
import { dataKey, statsFor } from '../shared/dataCache.ts';
import { PanelShell, usePanelId } from '../shared/PanelShell.tsx';
import { useElementSize } from '../shared/useElementSize.ts';
import { anyTraining, useLivePaint, type RunSource } from '../shared/useLivePaint.ts';
import { drawContours } from './drawContours.ts';
import { drawMarks, drawWeightAxes } from './drawMarks.ts';
import { PathPainter } from './pathPainter.ts';
import type { Raster } from '../shared/heldRepaint.ts';
import { markShapes } from './markLayout.ts';
import { weightStyleFor } from './style.ts';
import { useContourSurface } from './useContourSurface.ts';
import { useWeightPointer } from './useWeightPointer.ts';
import { useWeightZoom } from './useWeightZoom.ts';
import { fitEqualAspect } from './weightDomain.ts';
import { weightPlotSize } from './weightFrame.ts';
import { WeightLegend } from './WeightLegend.tsx';
import { runPaths, sceneBounds, TrajectoryCache } from './weightScene.ts';
import { axisTitles, summary, WEIGHT_TITLE, weightCaption } from './weightText.ts';

export interface WeightSpacePanelProps {
  /** All runs; hidden ones are not drawn. */
  readonly runs: readonly RunView[];
  /** The run whose data the contours show and whose epochs are numbered; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
  /** Called with the weights under a mouse click (not after a drag) or a touch press and hold, rounded to what a pixel resolves. */
  readonly onPickInitialWeights?: (w1: number, w2: number) => void;
  /** The presentation view: the style with heavier lines and larger marks (style.ts). */
  readonly present?: boolean;
  /** Set to the chart's exporter, for its PNG and SVG buttons. */
  readonly exportRef?: Ref<ChartExporter | null>;
  /** The runs as they are now, for painting the paths on every frame; `runs` may then lag (see LossPanel). */
  readonly live?: RunSource;
  /** The page's raster worker, where large whole repaints go while a run trains (none: all on the main thread). */
  readonly raster?: Raster | null;
}

const FALLBACK_SIZE = { width: 560, height: 280 };

export function WeightSpacePanel({ runs, primaryRunId = null, onPickInitialWeights, present = false, exportRef, live, raster = null }: WeightSpacePanelProps) {
  const style = weightStyleFor(present);
  const uid = usePanelId();
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const backRef = useRef<SVGSVGElement>(null);
  const frontRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);
  const [plotW, plotH] = weightPlotSize(size.width, size.height);
  const [cache] = useState(() => new TrajectoryCache());
  const [painter] = useState(() => new PathPainter(raster));
  useEffect(() => () => painter.dispose(), [painter]);

  const visible = runs.filter((r) => r.visible);
  const primary = primaryRun(visible, primaryRunId);
  const settings = primary?.settings;
  const key = settings ? dataKey(settings) : '';
  // statsFor keeps one object per data key, so the contours are not recomputed per frame.
  const dataStats = useMemo(() => (settings ? statsFor(settings) : null), [settings]);
  const model = settings?.model ?? 'linear';
  const product = model === 'deep' && dataStats ? (dataStats.optimum.product ?? null) : null;
  const optimumW = dataStats ? dataStats.optimum.w : null;

  const paths = useMemo(() => runPaths(runs, cache), [runs, cache]);
  const lossFor = useCallback((run: RunView) => {
    const { stats } = statsFor(run.settings);
    const model = run.settings.model;
    return (w1: number, w2: number) => fullLoss(stats, model, w1, w2);
  }, []);
  const autoView = useMemo(() => fitEqualAspect(sceneBounds(paths, optimumW, lossFor), plotW, plotH, 0.1, 0.5), [paths, optimumW, lossFor, plotW, plotH]);

  // A different run or start is fitted afresh, even after the user zoomed.
  const fitKey = `${primary?.id}|${key}|${settings ? startWeights(settings).join(',') : ''}|${settings?.restart}`;
  const training = anyTraining(runs);
  const zoom = useWeightZoom(frontRef, { autoView, training, fitKey, width: size.width, height: size.height });
  const { view, frame } = zoom;
  const surface = useContourSurface(view, dataStats, model);
  const hover = useWeightPointer(frontRef, zoom.frameRef, onPickInitialWeights);

  useEffect(() => {
    if (backRef.current) drawContours(backRef.current, frame, surface, style);
  }, [frame, surface, style]);
  const primaryId = primary?.id;
  useLivePaint(live, runs, (now) => painter.paint(canvasRef.current, now, frame, primaryId, style));
  useEffect(() => {
    const svg = frontRef.current;
    if (!svg) return;
    drawWeightAxes(svg, frame, axisTitles(primary), style);
    drawMarks(svg, frame, markShapes({ paths, primary, optimum: optimumW, product, view }), style);
  }, [frame, view, paths, primary, optimumW, product, style]);

  // The export redraws the view as it is at the click, with its code loaded only then.
  useImperativeHandle(
    exportRef,
    () => () => {
      const input = { runs, primary, optimum: optimumW, product, view, surface, screen: size };
      return import('./weightExport.ts').then((m) => m.weightExport(input));
    },
    [runs, primary, optimumW, product, view, surface, size],
  );

  const hoverReading = hover && { ...hover, loss: dataStats ? fullLoss(dataStats.stats, model, hover.w1, hover.w2) : NaN };
  const hasRestart = paths.some((p) => p.trajectory.jumps.length > 0);

  return (
    <PanelShell
      className="weight-panel"
      testId="weight-panel"
      uid={uid}
      title={WEIGHT_TITLE}
      legend={<WeightLegend product={product} hasRestart={hasRestart} style={style} />}
      plotRef={plotRef}
      plotProps={{
        tabIndex: 0,
        role: 'group',
        'aria-label': 'Weight space. Arrow keys pan, plus and minus zoom, F fits the view to the paths.',
        onKeyDown: zoom.onKeyDown,
      }}
      caption={weightCaption(hoverReading, model === 'linear' ? dataStats?.optimum.message : undefined, onPickInitialWeights !== undefined)}
      captionProps={{ 'aria-live': 'off' }}
    >
      <svg ref={backRef} id={`${uid}-back`} aria-hidden="true" />
      <canvas ref={canvasRef} role="img" aria-label={summary(paths, optimumW, product)} />
      <svg ref={frontRef} id={`${uid}-front`} className="panel-fg" aria-hidden="true" />
      {!primary ? <div className="panel-hint">No visible runs: show one in the runs list.</div> : null}
      {zoom.unavailable ? (
        <div className="panel-hint" role="alert" data-testid="weight-zoom-unavailable">
          {zoom.unavailable}
        </div>
      ) : null}
      <div className="panel-toolbar panel-overlay-toolbar">
        <button type="button" onClick={() => zoom.zoomBy(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom.zoomBy(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={zoom.fit}>
          Fit to trajectory
        </button>
      </div>
    </PanelShell>
  );
}
