// Compared runs on the same data settings share one data set in the worker,
// and a reset reuses the data of the runs it replaces, while what each run
// trains and streams stays exactly what it is on its own.
import { describe, expect, it } from 'vitest';
import { createTrainer, type DataLender } from '../../src/core/index.ts';
import type { Trainer } from '../../src/core/types.ts';
import { SharedData } from '../../src/worker/sharedData.ts';
import { bytes, Harness, settings } from './runnerHarness.ts';

/** A harness whose trainers the test can see (made by the engine, with the lender the runner offers). */
function watched() {
  const trainers: Trainer[] = [];
  const h = new Harness(0.02, { createTrainer: (s, lender?: DataLender) => trainers[trainers.push(createTrainer(s, lender)) - 1] });
  return { h, trainers };
}

const base = settings({ n: 300, b: 10, epochs: 2, val: 0.2 });
const runs = [
  { id: 'a', settings: base },
  { id: 'b', settings: { ...base, b: 7, shuffle: 'once' as const, optimizer: 'adam' as const } },
  { id: 'c', settings: { ...base, seed: 2 } },
];

describe('data sets shared between runs', () => {
  it('gives runs on the same data settings one data set and validation set, and a run on other data its own', () => {
    const { h, trainers } = watched();
    h.configure(runs);
    const [a, b, c] = trainers;
    expect(b.data).toBe(a.data);
    expect(b.stats).toBe(a.stats);
    expect(b.validation).toBe(a.validation);
    expect(c.data).not.toBe(a.data);
    expect(bytes(c.data.y)).not.toEqual(bytes(a.data.y));
  });

  it('reuses the data of the runs a reset replaces', () => {
    const { h, trainers } = watched();
    h.configure(runs);
    const before = trainers.slice();
    h.send({ type: 'reset', session: 2 });
    const after = trainers.slice(before.length);
    expect(after).toHaveLength(3);
    expect(after.map((t) => t.data)).toEqual(before.map((t) => t.data));
    after.forEach((t, i) => expect(t.data).toBe(before[i].data));
  });

  it('keeps of the runs replaced only the data sets the new runs train on', () => {
    const [a, , c] = runs.map((r) => createTrainer(r.settings));
    const shared = new SharedData([a, c], [{ ...base, b: 3 }]);
    expect(shared.lenderFor(base)?.data).toBe(a.data);
    expect(shared.lenderFor(runs[2].settings)).toBeUndefined();
  });

  it('streams a run sharing its data exactly as the same run alone', () => {
    const together = watched();
    together.h.configure(runs);
    const alone = watched();
    alone.h.configure([runs[1]]);
    for (const { h } of [together, alone]) {
      h.send({ type: 'speed', stepsPerSecond: 'max' });
      h.send({ type: 'play' });
      h.runUntilSettled(60_000);
      expect(h.lastStatus().status).toBe('done');
    }
    for (const column of ['step', 'w1', 'w2', 'loss', 'batchLoss'] as const) expect(together.h.column('b', column)).toEqual(alone.h.column('b', column));
    expect(together.h.epochColumn('b', 'loss')).toEqual(alone.h.epochColumn('b', 'loss'));
  });
});
