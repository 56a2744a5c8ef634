import { describe, expect, it } from 'vitest';
import { markShapes } from '../../../src/panels/weights/markLayout.ts';
import { runPaths, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import { trainedRun } from '../runFixture.ts';

const view = { w1: [-3, 3], w2: [-3, 3] } as const;

describe('weight-space marks', () => {
  it('names the primary run\'s start, and marks "now" only for runs that have stepped', () => {
    const a = trainedRun({}, 25, 'a');
    const b = trainedRun({ w0: [1, 1] }, 0, 'b');
    const shapes = markShapes({ paths: runPaths([a, b], new TrajectoryCache()), primary: a, optimum: [1, 0.5], product: null, view });
    expect(shapes.runs.map((r) => [r.id, r.label, r.started])).toEqual([
      ['a', 'start', true],
      ['b', '', false],
    ]);
    expect(shapes.runs[0].start).toEqual(a.settings.w0);
    expect(shapes.runs[0].now).toEqual([a.cursor.w1, a.cursor.w2]);
    expect(shapes.runs[1].now).toEqual([1, 1]);
    expect(shapes.epochEnds?.length).toBe(2);
    expect(shapes.optimum).toEqual([{ w: [1, 0.5], label: 'w* best fit' }]);
    expect(shapes.valley).toEqual([]);
    expect(shapes.saddles).toEqual([]);
  });

  it('draws the deep model\'s valley of best fits and its saddle at the origin', () => {
    const run = trainedRun({ model: 'deep' }, 10);
    const shapes = markShapes({ paths: runPaths([run], new TrajectoryCache()), primary: run, optimum: [1, 1], product: 1, view });
    expect(shapes.saddles).toEqual([[0, 0]]);
    expect(shapes.optimum[0].label).toBe('w* (one of many)');
    expect(shapes.valley).toHaveLength(2);
    for (const curve of shapes.valley) curve.w1.forEach((w1, i) => expect(w1 * curve.w2[i]).toBeCloseTo(1, 9));
  });

  it('has no epoch numbers without a primary run', () => {
    expect(markShapes({ paths: [], primary: undefined, optimum: null, product: null, view }).epochEnds).toBeNull();
  });
});
