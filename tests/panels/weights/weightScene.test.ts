import { describe, expect, it } from 'vitest';
import { fullLoss } from '../../../src/core/index.ts';
import { statsFor } from '../../../src/panels/shared/dataCache.ts';
import { runPaths, sceneBounds, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { trainedRun } from '../runFixture.ts';

const lossAt = (run: RunView) => (w1: number, w2: number) => fullLoss(statsFor(run.settings).stats, run.settings.model, w1, w2);

describe('weight-space scene', () => {
  it('builds one path per visible run, starting at its start weights', () => {
    const a = trainedRun({ w0: [2, 2] }, 30, 'a');
    const hidden = { ...trainedRun({}, 30, 'h'), visible: false };
    const paths = runPaths([a, hidden], new TrajectoryCache());
    expect(paths.map((p) => p.run.id)).toEqual(['a']);
    expect(paths[0].trajectory.w1[paths[0].trajectory.pieces[0].start]).toBe(2);
    expect(paths[0].trajectory.pieces).toHaveLength(3);
  });

  it('reuses the path of a run that has not changed', () => {
    const cache = new TrajectoryCache();
    const run = trainedRun({}, 30);
    const first = runPaths([run], cache)[0].trajectory;
    expect(runPaths([{ ...run, color: 'red' }], cache)[0].trajectory).toBe(first);
    expect(runPaths([trainedRun({}, 31)], cache)[0].trajectory).not.toBe(first);
  });

  it('fits the start, the optimum and the path of a converging run', () => {
    const run = trainedRun({});
    const opt = statsFor(run.settings).optimum.w;
    const b = sceneBounds(runPaths([run], new TrajectoryCache()), opt, lossAt);
    expect(b.minX).toBeLessThanOrEqual(-1.5);
    expect(b.maxY).toBeGreaterThanOrEqual(2);
    expect(b.maxX).toBeGreaterThanOrEqual(opt[0]);
  });

  it('leaves the blown-up part of a diverging run out of the view', () => {
    const good = trainedRun({}, Infinity, 'good');
    const bad = trainedRun({ lr: 1.5 }, Infinity, 'bad');
    expect(bad.status).toBe('diverged');
    const opt = statsFor(good.settings).optimum.w;
    const b = sceneBounds(runPaths([good, bad], new TrajectoryCache()), opt, lossAt);
    expect(b.maxX - b.minX).toBeLessThan(20);
    expect(b.maxY - b.minY).toBeLessThan(20);
  });
});
