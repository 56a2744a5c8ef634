// What the weight-space panel draws for each visible run, in weight units:
// its path (cached per run version, as paths can hold 65,536 rows) and the
// region worth showing.
import { startWeights } from '../../core/init.ts';
import type { RunView } from '../../store/runTypes.ts';
import { buildTrajectory, TrajectoryBuffers, type Trajectory } from './trajectory.ts';
import { emptyBounds, includePoint, type Bounds } from './weightDomain.ts';

export interface RunPath {
  readonly run: RunView;
  readonly trajectory: Trajectory;
}

/** Per run: its last path, and the point storage the next one is built into. */
export class TrajectoryCache {
  readonly entries = new Map<string, { key: string; trajectory: Trajectory; buffers: TrajectoryBuffers }>();
}

export function runPaths(runs: readonly RunView[], cache: TrajectoryCache): RunPath[] {
  const visible = runs.filter((r) => r.visible);
  for (const id of cache.entries.keys()) if (!visible.some((r) => r.id === id)) cache.entries.delete(id);
  return visible.map((run) => {
    const { cursor } = run;
    const key = [run.version, run.lossSeries.length, run.epochs.length, cursor.step, cursor.w1, cursor.w2, ...startWeights(run.settings)].join('|');
    const hit = cache.entries.get(run.id);
    if (hit && hit.key === key) return { run, trajectory: hit.trajectory };
    const buffers = hit?.buffers ?? new TrajectoryBuffers();
    const trajectory = buildTrajectory(
      {
        start: startWeights(run.settings),
        steps: run.lossSeries,
        epochEnds: run.epochs,
        stepsPerEpoch: run.schedule.stepsPerEpoch,
        restart: run.settings.restart,
        current: cursor.step > 0 ? { step: cursor.step, w1: cursor.w1, w2: cursor.w2 } : undefined,
      },
      buffers,
    );
    cache.entries.set(run.id, { key, trajectory, buffers });
    return { run, trajectory };
  });
}

/**
 * A path point farther up the bowl than this multiple of the run's start
 * loss is left out of the fitted view: a diverging run would otherwise zoom
 * the view out until the bowl is a dot.
 */
export const FIT_LOSS_FACTOR = 4;

/** Per path: the fitted region of its points, kept while the path object is unchanged (cached per run version). */
const pathBounds = new WeakMap<Trajectory, { limit: number; bounds: Bounds }>();

/**
 * The region to show: every run's start, the optimum, and each path's points
 * whose loss is at most FIT_LOSS_FACTOR times that run's start loss.
 * `lossFor(run)` gives a function for the run's full-data loss at (w1, w2).
 */
export function sceneBounds(
  paths: readonly RunPath[],
  optimum: readonly [number, number] | null,
  lossFor: (run: RunView) => (w1: number, w2: number) => number,
): Bounds {
  const bounds = emptyBounds();
  if (optimum) includePoint(bounds, optimum[0], optimum[1]);
  for (const { run, trajectory } of paths) {
    const [s1, s2] = trajectory.start;
    includePoint(bounds, s1, s2);
    const lossAt = lossFor(run);
    const limit = FIT_LOSS_FACTOR * lossAt(s1, s2);
    let own = pathBounds.get(trajectory);
    if (!own || !Object.is(own.limit, limit)) {
      const b = emptyBounds();
      for (let i = 0; i < trajectory.length; i++) {
        const w1 = trajectory.w1[i];
        const w2 = trajectory.w2[i];
        // A start loss of NaN (unknown) keeps every finite point.
        if (!(lossAt(w1, w2) > limit)) includePoint(b, w1, w2);
      }
      own = { limit, bounds: b };
      pathBounds.set(trajectory, own);
    }
    const b = own.bounds;
    if (b.minX <= b.maxX) {
      includePoint(bounds, b.minX, b.minY);
      includePoint(bounds, b.maxX, b.maxY);
    }
  }
  return bounds;
}
