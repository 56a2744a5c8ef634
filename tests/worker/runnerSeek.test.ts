import { describe, expect, it } from 'vitest';
import { createTrainer, SERIES_COLUMNS, stateAt } from '../../src/core/index.ts';
import { CHECKPOINT_BUDGET_BYTES, FIRST_SPACING, MAX_CHECKPOINTS } from '../../src/worker/checkpoints.ts';
import { LOD_ROW_CAPACITY } from '../../src/worker/lodSeries.ts';
import type { CursorSnapshot, OutMessage } from '../../src/worker/protocol.ts';
import { cursorSnapshot } from '../../src/worker/cursorSnapshot.ts';
import { Harness, settings } from './runnerHarness.ts';

type Seeked = Extract<OutMessage, { type: 'seeked' }>;

function seek(h: Harness, id: string, step: number, request: number): Seeked {
  h.send({ type: 'seek', id, step, request });
  const answer = h.posted.at(-1)!.message;
  if (answer.type !== 'seeked') throw new Error(`expected a seeked answer, got ${answer.type}`);
  expect(answer.request).toBe(request);
  return answer;
}

/** The state a straight run from step 0 reaches, in the worker's words. */
function straightAt(s: ReturnType<typeof settings>, step: number): CursorSnapshot {
  return cursorSnapshot(stateAt(s, step));
}

function expectSame(got: CursorSnapshot | null, want: CursorSnapshot): void {
  expect(got).not.toBeNull();
  for (const key of ['step', 'epoch', 'batchInEpoch', 'w1', 'w2', 'loss', 'batchLoss', 'lr', 'valLoss', 'batchSize'] as const) expect(Object.is(got![key], want[key]), key).toBe(true);
  expect(Array.from(got!.batch)).toEqual(Array.from(want.batch));
}

describe('TrainingRunner: seek', () => {
  const runs = [
    { id: 'epoch', settings: settings({ n: 3000, b: 7, shuffle: 'epoch', mom: 0.5, epochs: 30, seed: 4 }) },
    { id: 'full', settings: settings({ n: 3000, b: 3000, shuffle: 'replacement', epochs: 40, decay: 0.01, seed: 4 }) },
    { id: 'repl', settings: settings({ n: 3000, b: 16, k: 3, shuffle: 'replacement', data: 'plane', rho: 0.7, epochs: 30, restart: true, val: 0.2 }) },
    { id: 'batches', settings: settings({ n: 3000, b: 10, shuffle: 'batches', optimizer: 'adam', lr: 0.01, epochs: 30, seed: 6 }) },
  ];

  it('gives the exact state at any step reached, as a straight run from step 0 does', () => {
    const h = new Harness(0.02);
    h.configure(runs);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(60_000);
    expect(h.lastStatus().status).toBe('done');
    let request = 1;
    for (const run of runs) {
      const total = createTrainer(run.settings).schedule.totalSteps;
      const spe = createTrainer(run.settings).schedule.stepsPerEpoch;
      const steps = [0, 1, 2, spe - 1, spe, spe + 1, Math.floor(total / 3), Math.floor(total / 2) + 7, total - 1, total];
      for (const step of steps) expectSame(seek(h, run.id, step, request++).state, straightAt(run.settings, step));
    }
    const fp = h.runner.footprint();
    expect(fp.every((f) => f.checkpoints > 0)).toBe(true);
  });

  it('answers mid-run, leaves the run where it was, and refuses steps not reached yet', () => {
    const h = new Harness(0.02);
    h.configure(runs.slice(0, 1));
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(200);
    h.send({ type: 'pause' });
    h.scheduler.advance(100);
    const reached = h.stepOf('epoch');
    expect(reached).toBeGreaterThan(100);
    expectSame(seek(h, 'epoch', reached - 50, 1).state, straightAt(runs[0].settings, reached - 50));
    const ahead = seek(h, 'epoch', reached + 1, 2);
    expect(ahead.state).toBeNull();
    expect(ahead.message).toMatch(/has reached step \d+, not \d+/);
    expect(seek(h, 'nobody', 1, 3).message).toMatch(/no run 'nobody'/);
    // Play continues from where the run was, and it is still the straight run.
    h.send({ type: 'play' });
    h.runUntilSettled(60_000);
    const total = createTrainer(runs[0].settings).schedule.totalSteps;
    expectSame(h.chunks().at(-1)!.runs[0].cursor, straightAt(runs[0].settings, total));
  });
});

describe('TrainingRunner: memory per run', () => {
  it('does not grow with the steps: pyramid, checkpoints and page series stay within their bounds', () => {
    const h = new Harness(0.02, { maxRoundSteps: 4096 });
    h.configure([{ id: 'long', settings: settings({ n: 1000, b: 1, epochs: 3000 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    const seen: { step: number; pyramid: number; checkpoints: number; count: number }[] = [];
    for (let i = 0; i < 400 && h.lastStatus().status !== 'done'; i++) {
      h.scheduler.advance(100);
      const [f] = h.runner.footprint();
      seen.push({ step: h.stepOf('long'), pyramid: f.pyramidBytes, checkpoints: f.checkpointBytes, count: f.checkpoints });
    }
    expect(h.lastStatus().status).toBe('done');
    expect(h.stepOf('long')).toBe(3_000_000);
    for (const s of seen) {
      // Two series (no validation set), each at most LOD_ROW_CAPACITY rows of every series column.
      expect(s.pyramid).toBeLessThanOrEqual(2 * LOD_ROW_CAPACITY * SERIES_COLUMNS.length * 8);
      expect(s.checkpoints).toBeLessThanOrEqual(CHECKPOINT_BUDGET_BYTES);
      expect(s.count).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    }
    // Past the first million steps nothing but the epoch log grows: the pyramid is at its capacity.
    const late = seen.filter((s) => s.step > 1_000_000);
    expect(new Set(late.map((s) => s.pyramid)).size).toBe(1);
    // Half the cap once the cap has thinned them, every one due until then (3·10⁶ example gradients here).
    expect(late.at(-1)!.count).toBeGreaterThanOrEqual(Math.min(MAX_CHECKPOINTS / 2, Math.floor(3_000_000 / FIRST_SPACING)));
    expect(h.series('long').length).toBeLessThanOrEqual(16 * 1024);
  });
});
