// The training examples, the current fit, and the current mini-batch
// highlighted — so a learner sees which examples one step looked at, and how
// shuffling changes them from step to step and epoch to epoch.
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { startWeights } from '../../core/init.ts';
import type { RunView } from '../../store/runTypes.ts';
import { primaryRun } from '../../store/selectors.ts';
import { paintPlot } from '../shared/canvas.ts';
import { datasetFor, statsFor } from '../shared/dataCache.ts';
import type { ChartExporter } from '../shared/exportTypes.ts';
import { formatCount } from '../shared/format.ts';
import { PanelShell } from '../shared/PanelShell.tsx';
import { useElementSize } from '../shared/useElementSize.ts';
import { DataLegend } from './DataLegend.tsx';
import { dataFrame } from './dataFrame.ts';
import { dataLabel, fitFormula } from './dataText.ts';
import { drawBatch } from './drawBatch.ts';
import { drawDataAxes } from './drawDataAxes.ts';
import { drawFit } from './drawFit.ts';
import { drawScatter } from './drawScatter.ts';
import { batchShapes, dataExtents, fitLines, scatterShapes, type Fit } from './scatterLayout.ts';
import { batchCaption } from './scatterModel.ts';
import { dataStyleFor } from './style.ts';

export interface DataPanelProps {
  /** All runs; the primary one's data, fit and batch are shown. */
  readonly runs: readonly RunView[];
  /** The run shown; defaults to the first visible run. */
  readonly primaryRunId?: string | null;
  /** The presentation view: the style with heavier lines and larger marks (style.ts). */
  readonly present?: boolean;
  /** Set to the chart's exporter, for its PNG and SVG buttons. */
  readonly exportRef?: Ref<ChartExporter | null>;
}

const FALLBACK_SIZE = { width: 360, height: 200 };
const NO_EXTENT: [number, number] = [-1, 1];
const NO_BATCH = new Uint32Array(0);

export function DataPanel({ runs, primaryRunId = null, present = false, exportRef }: DataPanelProps) {
  const style = dataStyleFor(present);
  const plotRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const axesRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(plotRef, FALLBACK_SIZE);

  const visible = runs.filter((r) => r.visible);
  const run = primaryRun(visible, primaryRunId);
  const settings = run?.settings;
  const caption = run
    ? batchCaption(
        { step: run.cursor.step, batchInEpoch: run.cursor.batchInEpoch, batchSize: run.cursor.batchSize, highlighted: run.cursor.batch.length },
        run.schedule,
        run.settings.shuffle,
      )
    : 'No visible run.';
  // Both caches keep one object per data key, so the data are regenerated (and shared across panels) only when those settings change.
  const data = useMemo(() => (settings ? datasetFor(settings) : null), [settings]);
  const optimum = useMemo(() => (settings ? statsFor(settings).optimum : null), [settings]);
  const plane = settings?.data === 'plane';
  const model = settings?.model ?? 'linear';

  const extents = useMemo(() => (data ? dataExtents(data, plane) : null), [data, plane]);
  const frame = useMemo(() => dataFrame(extents?.x ?? NO_EXTENT, extents?.y ?? NO_EXTENT, size.width, size.height), [extents, size.width, size.height]);
  const range = extents?.range ?? 1;

  const started = (run?.cursor.step ?? 0) > 0;
  const start = settings ? startWeights(settings) : [0, 0];
  const w1 = started ? run!.cursor.w1 : start[0];
  const w2 = started ? run!.cursor.w2 : start[1];
  const fit = useMemo<Fit>(() => ({ model, w1, w2 }), [model, w1, w2]);
  const best = useMemo<Fit | null>(() => (optimum ? { model, w1: optimum.w[0], w2: optimum.w[1] } : null), [optimum, model]);
  const color = run?.color ?? style.ink;
  const batch = started ? (run?.cursor.batch ?? NO_BATCH) : NO_BATCH;

  // Line data do not depend on the weights: the base layer is redrawn as the fit moves only for plane data, coloured by residual.
  const residualW1 = plane ? w1 : 0;
  const residualW2 = plane ? w2 : 0;
  const scatter = useMemo(
    () => (data ? scatterShapes(data, plane, { model, w1: residualW1, w2: residualW2 }, range, style.residualColors.length) : null),
    [data, plane, model, residualW1, residualW2, range, style],
  );
  const overlay = useMemo(
    () =>
      data && {
        fit: { lines: fitLines(plane, fit, best, frame.x.domain() as [number, number]), color },
        batch: { ...batchShapes(data, plane, fit, batch, range, style.residualColors.length), color },
      },
    [data, plane, fit, best, frame, color, batch, range, style],
  );

  useEffect(() => {
    if (baseRef.current && scatter) paintPlot(baseRef.current, frame, (ctx) => drawScatter(ctx, frame, scatter, style));
  }, [frame, scatter, style]);
  useEffect(() => {
    if (!overlayRef.current || !overlay) return;
    paintPlot(overlayRef.current, frame, (ctx) => {
      drawFit(ctx, frame, overlay.fit, style);
      drawBatch(ctx, frame, overlay.batch, style);
    });
  }, [frame, overlay, style]);
  const axisTitles = useMemo<[string, string]>(() => (plane ? ['x1', 'x2'] : ['x (input)', 'y (label)']), [plane]);
  useEffect(() => {
    if (axesRef.current) drawDataAxes(axesRef.current, frame, axisTitles, style);
  }, [frame, axisTitles, style]);

  const label = dataLabel(data && { n: data.n, drawn: scatter?.count ?? 0, plane, fit: run ? fit : null, caption });
  const title = `Training data${data ? ` (n = ${formatCount(data.n)})` : ''}`;
  const formula = run ? fitFormula(fit) : '';
  const runName = run?.name;
  const shown = useMemo(() => (runName !== undefined ? { name: runName, color } : null), [runName, color]);
  // The export redraws what is shown at the click, with its code loaded only then.
  useImperativeHandle(
    exportRef,
    () => () => {
      const input = { title, run: shown, formula, caption, plane, titles: axisTitles, extents: extents ?? { x: NO_EXTENT, y: NO_EXTENT }, scatter, overlay, screen: size };
      return import('./dataExport.ts').then((m) => m.dataExport(input));
    },
    [title, shown, formula, caption, plane, axisTitles, extents, scatter, overlay, size],
  );

  return (
    <PanelShell
      className="data-panel"
      testId="data-panel"
      title={title}
      legend={<DataLegend plane={plane} color={color} formula={formula} style={style} />}
      plotRef={plotRef}
      caption={caption}
      captionProps={{ 'data-testid': 'data-caption' }}
    >
      <canvas ref={baseRef} aria-hidden="true" />
      <canvas ref={overlayRef} role="img" aria-label={label} />
      <svg ref={axesRef} aria-hidden="true" />
      {!run ? <div className="panel-hint">No visible runs: show one in the runs list.</div> : null}
    </PanelShell>
  );
}
