import { describe, expect, it } from 'vitest';
import { primaryRun, selectCanAdvance, selectPrimaryRun } from '../../src/store/selectors.ts';

describe('primaryRun', () => {
  const runs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('is the run with the primary id, else the first run, else none', () => {
    expect(primaryRun(runs, 'b')).toBe(runs[1]);
    expect(primaryRun(runs, 'gone')).toBe(runs[0]);
    expect(primaryRun(runs, null)).toBe(runs[0]);
    expect(primaryRun([], 'a')).toBeUndefined();
  });

  it('reads the id of wrapped runs with idOf, by the same rule', () => {
    const series = runs.map((run) => ({ run }));
    expect(primaryRun(series, 'c', (s) => s.run.id)).toBe(series[2]);
    expect(primaryRun(series, 'gone', (s) => s.run.id)).toBe(series[0]);
  });

  it('is what selectPrimaryRun answers for the store, null when there is no run', () => {
    const state = { runs: runs as never[], primaryRunId: 'c' };
    expect(selectPrimaryRun(state)).toBe(runs[2]);
    expect(selectPrimaryRun({ runs: [], primaryRunId: null })).toBeNull();
  });
});

describe('selectCanAdvance', () => {
  it('is false once training has finished, diverged or failed', () => {
    const can = (status: 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error', error: string | null = null) =>
      selectCanAdvance({ playback: { status, speed: 10 }, error, timeline: null });
    expect([can('idle'), can('running'), can('paused')]).toEqual([true, true, true]);
    expect([can('done'), can('diverged'), can('error'), can('paused', 'crashed')]).toEqual([false, false, false, false]);
  });

  it('is true while looking back at a finished run (Play goes on from there), unless the worker failed', () => {
    const timeline = { step: 3, targets: { a: 3 }, cursors: {}, request: 1 };
    expect(selectCanAdvance({ playback: { status: 'done', speed: 10 }, error: null, timeline })).toBe(true);
    expect(selectCanAdvance({ playback: { status: 'done', speed: 10 }, error: 'crashed', timeline })).toBe(false);
  });
});
