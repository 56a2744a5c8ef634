import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { createStepRecords, STEP_COLUMNS } from '../../src/core/records.ts';
import type { Trainer } from '../../src/core/types.ts';
import { m4Of } from '../../src/worker/m4.ts';
import type { PageView } from '../../src/worker/protocol.ts';
import { planFor } from '../../src/worker/viewPlan.ts';
import { bytes, Harness, settings } from './runnerHarness.ts';

const view = (patch: Partial<PageView> = {}): PageView => ({ pixels: 256, unit: 'steps', log: false, range: null, ...patch });

/** A harness whose trainers the test can see, so it can tell how far training got without any chunk. */
function watched(options: ConstructorParameters<typeof Harness>[1] = {}) {
  const trainers: Trainer[] = [];
  const h = new Harness(0.02, { ...options, createTrainer: (s) => trainers[trainers.push(createTrainer(s)) - 1] });
  return { h, trainers };
}

/** Every step of a run, straight from the engine. */
function straight(s: ReturnType<typeof settings>, upTo: number) {
  const t = createTrainer(s);
  const rows = createStepRecords(upTo);
  t.advance(upTo, rows, null);
  return rows;
}

describe('TrainingRunner: training is not paced by the page', () => {
  it('keeps training while a chunk waits for the page’s ack, and the next chunk covers all of it', () => {
    const { h, trainers } = watched({ flowControl: true });
    h.configure([{ id: 'a', settings: settings({ b: 1, epochs: 100_000 }) }]);
    h.send({ type: 'ack', session: 1 }); // the configure chunk
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.scheduler.advance(200);
    expect(h.chunks()).toHaveLength(2); // no ack yet: no second chunk…
    const first = trainers[0].step;
    h.scheduler.advance(500);
    expect(trainers[0].step).toBeGreaterThan(first + 1000); // …but the steps go on
    h.send({ type: 'ack', session: 0 }); // a stale session's ack changes nothing
    expect(h.chunks()).toHaveLength(2);
    h.send({ type: 'ack', session: 1 });
    expect(h.chunks()).toHaveLength(3);
    expect(h.stepOf('a')).toBe(trainers[0].step);
  });

  it('sends chunks of bounded size at any speed, and the page holds a bounded series', () => {
    const pixels = 256;
    for (const speed of [1000, 100_000, 'max'] as const) {
      const h = new Harness(0.02);
      h.send({ type: 'view', view: view({ pixels }) });
      h.configure([{ id: 'a', settings: settings({ n: 10_000, b: 1, epochs: 100 }) }]);
      h.send({ type: 'speed', stepsPerSecond: speed });
      h.send({ type: 'play' });
      h.scheduler.advance(3000);
      expect(h.stepOf('a')).toBeGreaterThan(speed === 1000 ? 2000 : 50_000);
      for (const chunk of h.chunks()) {
        for (const run of chunk.runs) {
          // A new revision holds at most 4 rows in each of < 2·pixels buckets; later deltas only what is new.
          expect(run.loss.rows.length).toBeLessThanOrEqual(8 * pixels);
          expect(run.batchLoss.rows.length).toBeLessThanOrEqual(8 * pixels);
        }
      }
      expect(h.series('a').length).toBeLessThanOrEqual(16 * pixels);
      expect(h.series('a', 'batchLoss').length).toBeLessThanOrEqual(16 * pixels);
    }
  });
});

describe('TrainingRunner: the view', () => {
  const s = settings({ n: 50_000, b: 1, epochs: 2 });

  /** Trains run 'a' to `steps` and pauses. */
  function trained(steps: number): Harness {
    const h = new Harness(0.02);
    h.send({ type: 'view', view: view() });
    h.configure([{ id: 'a', settings: s, replayTo: steps }]);
    h.runUntilSettled(60_000);
    expect(h.stepOf('a')).toBe(steps);
    return h;
  }

  it('sends the M4 of every step at the view’s resolution, whole run and zoomed', () => {
    const reach = 60_000;
    const h = trained(reach);
    const all = straight(s, reach);
    const extent = { stepsPerEpoch: 50_000, examplesPerEpoch: 50_000, reach };
    const expectSeries = (v: PageView) => {
      const plan = planFor(v, extent);
      for (const key of ['loss', 'batchLoss'] as const) {
        const want = m4Of(all, key, plan);
        const got = h.series('a', key);
        expect(got.length).toBe(want.length);
        for (const column of STEP_COLUMNS) expect(bytes(got[column].subarray(0, got.length))).toEqual(bytes(want[column]));
      }
      return plan;
    };
    // The run planned its view as it grew (last at twice the reach before); a view sent now plans for where it is.
    expectSeriesAfter(h, view({ pixels: 257 }), () => undefined);
    const whole = expectSeriesAfter(h, view(), expectSeries);
    expect(whole).toEqual([{ start: 0, end: Infinity, width: 128 }]);
    // Zoomed to 1,000 steps: buckets of 2 steps there — finer than the worker's finest level (8), so replayed.
    const zoomed = expectSeriesAfter(h, view({ range: [20_000, 21_000] }), expectSeries);
    expect(zoomed.find((seg) => seg.start <= 20_000 && seg.end >= 21_000)?.width).toBe(2);
    expect(h.series('a').length).toBeLessThan(4 * 1024 + 4 * 512);
    // In epochs, on a log axis: still the M4 of every step under the plan.
    expectSeriesAfter(h, view({ unit: 'epochs', log: true, range: [0.1, 0.3] }), expectSeries);
  });

  it('takes a new revision when the run outgrows the resolution, and appends in between', () => {
    const h = new Harness(0.02);
    h.send({ type: 'view', view: view({ pixels: 64 }) });
    h.configure([{ id: 'a', settings: settings({ n: 1000, b: 1, epochs: 10 }) }]);
    h.send({ type: 'speed', stepsPerSecond: 2000 });
    h.send({ type: 'play' });
    h.runUntilSettled(20_000);
    const revisions = h.chunks().map((c) => c.runs[0].loss.revision);
    // 10,000 steps at 64 pixels: replanned at 128, 256, … 8,192 steps.
    expect(new Set(revisions).size).toBeGreaterThanOrEqual(7);
    const appends = h.chunks().filter((c, i) => i > 0 && c.runs[0].loss.revision === revisions[i - 1]);
    expect(appends.length).toBeGreaterThan(h.chunks().length / 2);
    const all = straight(settings({ n: 1000, b: 1, epochs: 10 }), 10_000);
    const plan = planFor(view({ pixels: 64 }), { stepsPerEpoch: 1000, examplesPerEpoch: 1000, reach: 8192 });
    const want = m4Of(all, 'loss', plan);
    const got = h.series('a');
    expect(bytes(got.step.subarray(0, got.length))).toEqual(bytes(want.step));
  });
});

function expectSeriesAfter<T>(h: Harness, v: PageView, check: (v: PageView) => T): T {
  h.send({ type: 'view', view: v });
  h.scheduler.advance(100);
  return check(v);
}
