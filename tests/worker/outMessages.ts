// Well-formed messages from the worker, as the runner would post them, for
// tests that need one to accept or to spoil one field of.
import { createEpochRecords, createStepRecords } from '../../src/core/index.ts';
import type { CursorSnapshot } from '../../src/worker/protocol.ts';

export function cursor(patch: Partial<CursorSnapshot> = {}): CursorSnapshot {
  return { step: 3, epoch: 1, batchInEpoch: 1, w1: 0.5, w2: -0.25, loss: 0.3, batchLoss: 0.4, lr: 0.1, valLoss: NaN, batch: new Uint32Array([4, 7]), batchSize: 2, ...patch };
}

/** A series delta of `rows` rows, the last of them open. */
export function delta(rows = 2, patch: Record<string, unknown> = {}) {
  const records = createStepRecords(rows);
  records.length = rows;
  return { revision: 1, keep: 0, open: Math.min(1, rows), rows: records, ...patch };
}

/** A chunk of `rows` rows in each series for each id. */
export function chunkMessage(session: number, ids: readonly string[] = ['a'], rows = 2) {
  return {
    type: 'chunk' as const,
    session,
    runs: ids.map((id) => ({ id, loss: delta(rows), batchLoss: delta(rows), epochs: createEpochRecords(0), cursor: cursor() })),
  };
}
