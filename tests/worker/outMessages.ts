// Well-formed messages from the worker, as the runner would post them, for
// tests that need one to accept or to spoil one field of.
import { createEpochRecords, createStepRecords } from '../../src/core/index.ts';
import type { CursorSnapshot } from '../../src/worker/protocol.ts';

export function cursor(patch: Partial<CursorSnapshot> = {}): CursorSnapshot {
  return { step: 3, epoch: 1, batchInEpoch: 1, w1: 0.5, w2: -0.25, loss: 0.3, batchLoss: 0.4, lr: 0.1, batch: new Uint32Array([4, 7]), batchSize: 2, ...patch };
}

/** A chunk of `rows` steps for each id. */
export function chunkMessage(session: number, ids: readonly string[] = ['a'], rows = 2) {
  return {
    type: 'chunk' as const,
    session,
    runs: ids.map((id) => {
      const steps = createStepRecords(rows);
      steps.length = rows;
      return { id, steps, epochs: createEpochRecords(0), cursor: cursor() };
    }),
  };
}
