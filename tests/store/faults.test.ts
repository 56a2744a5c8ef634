import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS, WORKER_START_TIMEOUT_MS } from '../../src/worker/protocol.ts';
import { chunkMessage, cursor } from '../worker/outMessages.ts';
import { settings, setup } from './labHarness.ts';

describe('lab store: a malformed message from the worker', () => {
  for (const [what, spoil, reason] of [
    ['loss: null', { loss: null }, /cannot read \(chunk: run 1 \('run-1'\): loss/],
    ['rows that do not follow those held', { loss: { revision: 0, keep: 5, open: 0, rows: chunkMessage(1).runs[0].loss.rows } }, /sent rows of run 'run-1' that do not follow those the page holds/],
    ['a cursor without fields', { cursor: {} }, /cannot read \(chunk: run 1 \('run-1'\): cursor/],
    ['a cursor whose batch is not a Uint32Array', { cursor: { ...cursor(), batch: 'x' } }, /cannot read \(chunk: run 1 \('run-1'\): cursor/],
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
      expect(t.state.error).toMatch(/^Training stopped: the training worker sent /);
      expect(t.state.error).toMatch(reason);
      expect(t.state.playback.status).toBe('error');
      expect(t.state.runs[0].cursor.step).toBe(recorded);
      expect(t.worker.terminated).toBe(true);
    });
  }
});

describe('lab store: a worker that stalls or dies', () => {
  /** A store playing its one run slowly: a step every 5 s. */
  function playingSlowly() {
    const t = setup({ speed: 0.2 });
    t.wait();
    t.state.play();
    t.wait(6000);
    expect(t.state.playback.status).toBe('running');
    return t;
  }

  it('is not taken for dead while it beats, however far apart its chunks', () => {
    const t = playingSlowly();
    t.wait(HEARTBEAT_TIMEOUT_MS * 5);
    expect(t.state.error).toBeNull();
    expect(t.state.runs[0].cursor.step).toBeGreaterThan(1);
  });

  it('is a failure once silent too long with work pending, keeps the runs, and Reset posts nothing into it', () => {
    const t = playingSlowly();
    const hung = t.worker;
    const recorded = t.state.runs[0].cursor.step;
    hung.hung = true;
    t.wait(HEARTBEAT_TIMEOUT_MS - HEARTBEAT_MS);
    expect(t.state.error).toBeNull(); // a few missed beats are not yet a failure
    t.wait(2 * HEARTBEAT_MS);
    expect(t.state.error).toMatch(/^Training stopped: the training worker stopped responding \(no sign of life for 3 s while it had work\)/);
    expect(t.state.playback.status).toBe('error');
    expect(t.state.runs[0].cursor.step).toBe(recorded);
    expect(hung.terminated).toBe(true);
    const sent = hung.sent.length;
    t.state.reset();
    expect(hung.sent).toHaveLength(sent);
    expect(t.workers).toHaveLength(2);
    expect(t.state.error).toBeNull();
  });

  it('judges only while the page is visible, and gives the worker a fresh allowance when it shows again', () => {
    const t = playingSlowly();
    t.page.visible = false;
    t.worker.hung = true;
    t.wait(HEARTBEAT_TIMEOUT_MS * 4);
    expect(t.state.error).toBeNull();
    t.page.visible = true;
    t.wait(HEARTBEAT_TIMEOUT_MS - HEARTBEAT_MS);
    expect(t.state.error).toBeNull();
    t.wait(2 * HEARTBEAT_MS);
    expect(t.state.error).toMatch(/stopped responding/);
  });

  it('takes a quiet worker with nothing to do for an idle one', () => {
    const t = setup();
    t.wait();
    t.worker.hung = true;
    t.wait(HEARTBEAT_TIMEOUT_MS * 4);
    expect(t.state.error).toBeNull();
  });

  it('notices a Play that a worker which died while idle never answers', () => {
    const t = setup();
    t.wait();
    t.worker.hung = true;
    t.wait(HEARTBEAT_TIMEOUT_MS * 4);
    expect(t.state.error).toBeNull();
    t.state.play();
    t.wait(HEARTBEAT_TIMEOUT_MS + HEARTBEAT_MS);
    expect(t.state.error).toMatch(/stopped responding/);
  });

  it('takes a Step or a Play from a live worker, paused again afterwards, for no fault', () => {
    const t = setup();
    t.wait();
    t.state.step();
    t.state.stepEpoch();
    t.state.play();
    t.wait(100);
    t.state.pause();
    t.wait(HEARTBEAT_TIMEOUT_MS * 4);
    expect(t.state.error).toBeNull();
  });

  it('takes a Play after the end, which the worker answers at once, for no work', () => {
    const t = setup({ speed: 'max', settings: settings({ n: 10, b: 10, epochs: 2 }) });
    t.state.play();
    t.wait(200);
    expect(t.state.playback.status).toBe('done');
    t.state.play();
    t.wait(HEARTBEAT_TIMEOUT_MS * 4);
    expect(t.state.error).toBeNull();
  });

  it('notices a Reset that a dead worker never answers', () => {
    const t = setup();
    t.wait();
    t.worker.hung = true;
    t.state.reset();
    t.wait(HEARTBEAT_TIMEOUT_MS + HEARTBEAT_MS);
    expect(t.state.error).toMatch(/stopped responding/);
  });
});

describe('lab store: restart after a failure', () => {
  /** Played to some step, then crashed. */
  function crashedAt() {
    const t = setup({ speed: 'max', settings: settings({ epochs: 100_000 }) });
    t.state.play();
    t.wait(100);
    const reached = t.state.runs[0].cursor.step;
    expect(reached).toBeGreaterThan(0);
    t.worker.crash('out of memory');
    return { t, reached };
  }

  it('offers step 0 when the replay fails again, and keeps the first goal for another try', () => {
    const { t, reached } = crashedAt();
    t.state.restartWorker();
    expect(t.state.replay).toEqual({ [t.state.runs[0].id]: reached });
    t.worker.crash('out of memory'); // the same fault, before the replay got there
    expect(t.state.replayFailed).toBe(true);
    expect(t.state.error).toMatch(/failed again while replaying.*step 0/);
    t.state.restartWorker();
    expect(t.worker.sentOf('configure')[0].runs[0].replayTo).toBe(reached);
    t.worker.crash('out of memory');
    t.state.restartWorker(true);
    expect(t.worker.sentOf('configure')[0].runs[0].replayTo).toBeUndefined();
    expect(t.state.replay).toBeNull();
    expect(t.state.replayFailed).toBe(false);
    t.wait(100);
    expect(t.state.playback.status).toBe('idle');
    expect(t.state.runs[0].cursor.step).toBe(0);
  });

  it('Reset after a failure starts from step 0, not a replay', () => {
    const { t } = crashedAt();
    t.state.reset();
    expect(t.worker.sentOf('configure')[0].runs[0].replayTo).toBeUndefined();
    t.wait(100);
    expect(t.state.runs[0].cursor.step).toBe(0);
  });

  it('a failure after the replay has finished offers a plain restart again', () => {
    const { t } = crashedAt();
    t.state.restartWorker();
    t.wait(2000);
    expect(t.state.replay).toBeNull();
    t.worker.crash('again');
    expect(t.state.replayFailed).toBe(false);
  });
});

describe('lab store: a worker that never starts', () => {
  it('has the longer allowance of a start before its first word, then is a failure', () => {
    const t = setup();
    t.worker.hung = true; // before it has answered anything
    t.wait(HEARTBEAT_TIMEOUT_MS * 2);
    expect(t.state.error).toBeNull();
    t.wait(WORKER_START_TIMEOUT_MS);
    expect(t.state.error).toMatch(/stopped responding/);
  });
});
