// The worker's answer to the timeline: the exact state of a run at a step it
// has passed, replayed by a fresh trainer, leaving the run being trained
// where it was; requests from an older session and malformed ones are refused.
import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/core/index.ts';
import { SHUFFLE_MODES } from '../../src/core/settings.ts';
import { validateOutMessage } from '../../src/worker/outValidation.ts';
import { MAX_SEEK_TARGETS, validateInMessage } from '../../src/worker/protocol.ts';
import { FRAME_MS } from '../../src/worker/pacing.ts';
import { cursor } from './outMessages.ts';
import { Harness, settings } from './runnerHarness.ts';

function seekResults(h: Harness) {
  return h.posted.map((p) => p.message).filter((m) => m.type === 'seekResult');
}

describe('TrainingRunner: seek', () => {
  it.each(SHUFFLE_MODES)('answers with the exact state at a passed step (shuffle=%s), and trains on undisturbed', (shuffle) => {
    const h = new Harness();
    const s = settings({ shuffle, epochs: 5 });
    h.configure([{ id: 'a', settings: s }], 3);
    for (let i = 0; i < 25; i++) h.send({ type: 'step' });
    h.scheduler.advance(FRAME_MS);
    h.send({ type: 'seek', session: 3, request: 9, targets: [{ id: 'a', step: 13 }, { id: 'a', step: 25 }, { id: 'a', step: 26 }, { id: 'nobody', step: 1 }] });
    const [answer] = seekResults(h);
    expect(answer).toMatchObject({ session: 3, request: 9 });
    const direct = createTrainer(s);
    direct.advance(13, null, null);
    const [at13, at25] = answer.type === 'seekResult' ? answer.cursors : [];
    expect(at13.cursor).toMatchObject({ step: 13, epoch: direct.epoch, batchInEpoch: direct.batchInEpoch, w1: direct.w1, w2: direct.w2, loss: direct.loss, batchLoss: direct.batchLoss });
    expect(Array.from(at13.cursor.batch)).toEqual(Array.from(direct.currentBatch()));
    expect(at25.cursor.step).toBe(25);
    // Step 26 is not run yet and 'nobody' is not a run: both left out.
    expect(answer.type === 'seekResult' && answer.cursors.length).toBe(2);
    h.send({ type: 'step' });
    h.scheduler.advance(FRAME_MS);
    expect(h.stepOf('a')).toBe(26);
  });

  it('ignores a seek from an older session', () => {
    const h = new Harness();
    h.configure([{ id: 'a', settings: settings() }], 4);
    h.send({ type: 'step' });
    h.send({ type: 'seek', session: 3, request: 1, targets: [{ id: 'a', step: 0 }] });
    h.send({ type: 'seek', session: 4, request: 2, targets: [{ id: 'a', step: 0 }] });
    expect(seekResults(h).map((m) => m.type === 'seekResult' && m.request)).toEqual([2]);
  });
});

describe('seek messages', () => {
  it('are checked both ways', () => {
    expect(validateInMessage({ type: 'seek', session: 1, request: 2, targets: [{ id: 'a', step: 3 }] }).ok).toBe(true);
    for (const bad of [
      { type: 'seek', session: 1, request: -1, targets: [] },
      { type: 'seek', session: 1, request: 2, targets: [{ id: 'a', step: 1.5 }] },
      { type: 'seek', session: 1, request: 2, targets: [{ id: '', step: 1 }] },
      { type: 'seek', session: 1, request: 2, targets: Array.from({ length: MAX_SEEK_TARGETS + 1 }, (_, i) => ({ id: `r${i}`, step: 1 })) },
    ]) {
      expect(validateInMessage(bad).ok, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
    expect(validateOutMessage({ type: 'seekResult', session: 1, request: 2, cursors: [{ id: 'a', cursor: cursor() }] }).ok).toBe(true);
    const spoilt = validateOutMessage({ type: 'seekResult', session: 1, request: 2, cursors: [{ id: 'a', cursor: { ...cursor(), batch: [1] } }] });
    expect(spoilt.ok).toBe(false);
  });
});
