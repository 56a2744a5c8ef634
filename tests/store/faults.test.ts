import { describe, expect, it } from 'vitest';
import { chunkMessage, cursor } from '../worker/outMessages.ts';
import { setup } from './labHarness.ts';

describe('lab store: a malformed message from the worker', () => {
  for (const [what, spoil] of [
    ['steps: null', { steps: null }],
    ['a cursor without fields', { cursor: {} }],
    ['a cursor whose batch is not a Uint32Array', { cursor: { ...cursor(), batch: 'x' } }],
  ] as const) {
    it(`becomes a named failure, keeping what was recorded: ${what}`, () => {
      const t = setup();
      t.wait();
      t.state.step();
      t.wait();
      const id = t.state.runs[0].id;
      const recorded = t.state.runs[0].cursor.step;
      expect(recorded).toBe(1);
      const bad = chunkMessage(1, [id]);
      Object.assign(bad.runs[0], spoil);
      expect(() => t.worker.deliver(bad)).not.toThrow();
      expect(t.state.error).toMatch(/^Training stopped: the training worker sent a message the page cannot read \(chunk: run 1 \('run-1'\): (steps|cursor)/);
      expect(t.state.playback.status).toBe('error');
      expect(t.state.runs[0].cursor.step).toBe(recorded);
      expect(t.worker.terminated).toBe(true);
    });
  }
});
