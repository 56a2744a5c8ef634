import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/index.ts';
import { RUN_COLORS } from '../../src/store/palette.ts';
import { freshRuns, primaryOf, withNames, workerRuns } from '../../src/store/roster.ts';
import { clearedRun, withStatus } from '../../src/store/runRecords.ts';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0] as [number, number], ...patch });

function ids() {
  let n = 0;
  return () => `r${++n}`;
}

describe('run roster', () => {
  it('gives new runs the colours and visibility of the runs they replace, never a kept run’s colour', () => {
    const nextId = ids();
    const old = freshRuns([settings(), settings({ b: 1 })], nextId, [], [], [true, false]);
    expect(old.map((r) => [r.id, r.color, r.visible])).toEqual([
      ['r1', RUN_COLORS[0], true],
      ['r2', RUN_COLORS[1], false],
    ]);
    const kept = [{ ...old[0], color: RUN_COLORS[1] }];
    const next = freshRuns([settings({ lr: 0.1 }), settings({ lr: 0.2 })], nextId, old, kept);
    expect(next.map((r) => [r.id, r.color, r.visible])).toEqual([
      ['r3', RUN_COLORS[0], true],
      ['r4', RUN_COLORS[2], false],
    ]);
  });

  it('singles out the live run the settings describe, and sends it to the worker first', () => {
    const [a, b, c] = freshRuns([settings({ lr: 0.1 }), settings({ lr: 0.2 }), settings({ lr: 0.3 })], ids(), [], []);
    const roles = { [a.id]: 'kept', [b.id]: 'live', [c.id]: 'live' } as const;
    expect(primaryOf([a, b, c], roles, settings({ lr: 0.3 }))).toBe(c);
    expect(primaryOf([a, b, c], roles, settings({ lr: 0.1 }))).toBe(b);
    expect(primaryOf([a, b, c], { [a.id]: 'kept', [b.id]: 'kept', [c.id]: 'kept' }, settings({ lr: 0.2 }))).toBe(b);
    expect(primaryOf([], {}, settings())).toBeNull();
    expect(workerRuns([a, b, c], roles, settings({ lr: 0.3 })).map((r) => r.id)).toEqual([c.id, a.id, b.id]);
  });

  it('renames only the runs whose names change', () => {
    const [a, b] = withNames(freshRuns([settings({ b: 1 }), settings({ b: 5 })], ids(), [], []));
    expect([a.name, b.name]).toEqual(['b=1', 'b=5']);
    const same = withNames([a, b]);
    expect(same[0]).toBe(a);
    expect(withNames([a])[0].name).toBe('b=1, shuffle=epoch');
  });
});

describe('run records', () => {
  it('return the same run when the worker’s word does not change it, a new one with a new version when cleared', () => {
    const [run] = freshRuns([settings()], ids(), [], []);
    expect(withStatus(run, { id: run.id, status: 'idle', message: null })).toBe(run);
    const diverged = withStatus(run, { id: run.id, status: 'diverged', message: 'too big' });
    expect(diverged).toMatchObject({ status: 'diverged', message: 'too big' });
    const cleared = clearedRun(diverged);
    expect(cleared).toMatchObject({ status: 'idle', message: null, version: run.version + 1 });
  });
});
