// What the loss chart's canvas must paint next: everything afresh, or only
// what a chunk of records appended. Pure: from the layout now and a record of
// the last paint to the shapes to draw (the tail of every line, starting one
// row back so it joins on) and a new record. Anything that moves a pixel of
// what is drawn forces a whole paint: the frame (size, domains, axes), the
// runs shown or their colours and order, smoothing, the window's first rows,
// a rebuilt thinning (store/lod.ts merges buckets), lines that got shorter, or
// epoch dots that are not the ones drawn plus new ones.
import type { CurveShapes } from './drawCurves.ts';
import type { DrawnLine, LineSeries, LossLayout, RunLossSeries } from './lossLayout.ts';
import type { EpochDot } from './lossMarks.ts';

/** What the canvas shows: the key of everything that places its pixels, how many rows of each line and how many dots. */
export interface CurvePaintRecord {
  readonly key: string;
  readonly rows: ReadonlyMap<string, number>;
  readonly dots: readonly EpochDot[];
}

export interface CurvePaint {
  /** True: clear and draw everything; false: draw `shapes` and `dots` over what is shown. */
  readonly whole: boolean;
  readonly shapes: CurveShapes;
  readonly dots: readonly EpochDot[];
  readonly record: CurvePaintRecord;
}

/** A new revision means the worker replaced the series' rows (SeriesView): nothing drawn can be appended to. */
function rebuildsOf(s: RunLossSeries): string {
  const { lossSeries, batchLossSeries, valLossSeries } = s.run;
  return `${lossSeries.revision},${batchLossSeries.revision},${valLossSeries?.revision ?? ''}`;
}

/** The key of what places the pixels already drawn, given the frame's own key. */
function paintKey(layout: LossLayout, smoothed: boolean, frameKey: string): string {
  const parts = [frameKey, smoothed, layout.primary?.run.id ?? ''];
  for (const s of layout.series) parts.push(`${s.run.id}:${s.run.color}:${s.fullOffset}:${s.full.drawn.from}:${s.batch.drawn.from}:${s.val?.drawn.from ?? ''}:${rebuildsOf(s)}`);
  return parts.join('|');
}

function tailOf(line: DrawnLine, drawnRows: number): DrawnLine {
  // Nothing new: nothing to stroke (a lone joining row would stroke a dot over the line's end).
  if (line.length <= drawnRows) return { length: 0, x: line.x.subarray(0, 0), y: line.y.subarray(0, 0), from: line.from + line.length };
  const start = Math.max(0, drawnRows - 1);
  return { length: line.length - start, x: line.x.subarray(start), y: line.y.subarray(start), from: line.from + start };
}

function tailSeries(line: LineSeries, drawnRows: number): LineSeries {
  return { ...line, drawn: tailOf(line.drawn, drawnRows), drawnSmooth: line.drawnSmooth ? tailOf(line.drawnSmooth, drawnRows) : null };
}

function sameDot(a: EpochDot, b: EpochDot): boolean {
  return a.x === b.x && a.color === b.color && Object.is(a.loss, b.loss) && Object.is(a.mean, b.mean);
}

/** The dots in runs of one colour (lossMarks lists them run by run). */
function groups(dots: readonly EpochDot[]): EpochDot[][] {
  const out: EpochDot[][] = [];
  for (const d of dots) {
    const last = out[out.length - 1];
    if (last && last[0].color === d.color) last.push(d);
    else out.push([d]);
  }
  return out;
}

/** The dots new since `drawn`, run by run, or null when some drawn dot is not among them as it was. */
function newDots(drawn: readonly EpochDot[], dots: readonly EpochDot[]): EpochDot[] | null {
  const before = new Map(groups(drawn).map((g) => [g[0].color, g]));
  const added: EpochDot[] = [];
  let kept = 0;
  for (const group of groups(dots)) {
    const old = before.get(group[0].color) ?? [];
    if (old.length > group.length) return null;
    for (let i = 0; i < old.length; i++) if (!sameDot(old[i], group[i])) return null;
    kept += old.length;
    for (let i = old.length; i < group.length; i++) added.push(group[i]);
  }
  return kept === drawn.length ? added : null;
}

/** Plans the next paint of the curves and epoch dots; `frameKey` is shared/plotFrame.ts's key of the frame drawn in. */
export function planCurvePaint(last: CurvePaintRecord | null, layout: LossLayout, smoothed: boolean, dots: readonly EpochDot[], frameKey: string): CurvePaint {
  const key = paintKey(layout, smoothed, frameKey);
  const rows = new Map<string, number>();
  for (const s of layout.series) {
    rows.set(`${s.run.id}:full`, s.full.drawn.length);
    rows.set(`${s.run.id}:batch`, s.batch.drawn.length);
    if (s.val) rows.set(`${s.run.id}:val`, s.val.drawn.length);
  }
  const record: CurvePaintRecord = { key, rows, dots };
  const whole: CurvePaint = { whole: true, shapes: { layout, smoothed }, dots, record };
  if (!last || last.key !== key) return whole;
  for (const [line, length] of rows) if (length < (last.rows.get(line) ?? Infinity)) return whole;
  const added = newDots(last.dots, dots);
  if (!added) return whole;

  const series = layout.series.map((s) => ({
    ...s,
    full: tailSeries(s.full, last.rows.get(`${s.run.id}:full`) ?? 0),
    batch: tailSeries(s.batch, last.rows.get(`${s.run.id}:batch`) ?? 0),
    val: s.val && tailSeries(s.val, last.rows.get(`${s.run.id}:val`) ?? 0),
  }));
  const primary = layout.primary ? series[layout.series.indexOf(layout.primary)] : null;
  return { whole: false, shapes: { layout: { ...layout, series, primary }, smoothed }, dots: added, record };
}
