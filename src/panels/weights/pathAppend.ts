// What the weight-space canvas must paint next: every path afresh, or each
// run's path extended from the rows already drawn. Pure. A whole paint when
// anything places drawn pixels elsewhere: the frame (size, view), the runs
// shown, their colours, which is primary, a rebuilt thinning of a run's
// series (store/lod.ts), or a path that got shorter.
import type { PathShapes } from './drawPaths.ts';
import type { RunPath } from './weightScene.ts';

/** What the canvas shows: the key of everything that places its pixels, and each path's rows drawn. */
export interface PathPaintRecord {
  readonly key: string;
  readonly rows: ReadonlyMap<string, number>;
}

export interface PathPaint {
  readonly whole: boolean;
  readonly shapes: PathShapes;
  readonly record: PathPaintRecord;
}

/** A new revision means the worker replaced the series' rows (SeriesView): nothing drawn can be appended to. */
function rebuildsOf(p: RunPath): string {
  return String(p.run.lossSeries.revision);
}

export function planPathPaint(last: PathPaintRecord | null, paths: readonly RunPath[], primaryId: string | undefined, frameKey: string): PathPaint {
  const key = [frameKey, primaryId ?? '', ...paths.map((p) => `${p.run.id}:${p.run.color}:${rebuildsOf(p)}:${p.trajectory.start.join(',')}`)].join('|');
  const rows = new Map(paths.map((p) => [p.run.id, p.trajectory.length]));
  const record = { key, rows };
  if (!last || last.key !== key) return { whole: true, shapes: { paths, primaryId }, record };
  const drawnRows = new Map<string, number>();
  for (const p of paths) {
    const before = last.rows.get(p.run.id) ?? 0;
    if (p.trajectory.length < before) return { whole: true, shapes: { paths, primaryId }, record };
    // From the last row drawn: it may have been the run's newest state, which the rows now stored replace.
    drawnRows.set(p.run.id, p.trajectory.length === before ? before : Math.max(0, before - 1));
  }
  return { whole: false, shapes: { paths, primaryId, drawnRows }, record };
}
