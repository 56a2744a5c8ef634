import { describe, expect, it } from 'vitest';
import { currentLoopLine, currentLoopRole } from '../../../src/panels/loopView/highlight.ts';
import { shownLoopLines } from '../../../src/panels/loopView/shownLines.ts';
import { createTrainer } from '../../../src/core/index.ts';
import { cursorOf, settingsWith, walk } from './engineWalk.ts';

describe('the current line of the loop', () => {
  it('is `for epoch` before the first step', () => {
    const settings = settingsWith({});
    const lines = shownLoopLines(settings);
    const index = currentLoopLine(lines, { step: 0 }, { stepsPerEpoch: 10 });
    expect(lines[index]).toMatchObject({ role: 'epoch', text: 'for epoch in range(20):' });
  });

  it('is optimizer.step() after a step inside an epoch, and the print line when an epoch has just ended', () => {
    // n = 23, b = 5: 5 batches, the last of 3 examples.
    const settings = settingsWith({ n: 23, b: 5, epochs: 3 });
    const lines = shownLoopLines(settings);
    const seen: string[] = [];
    walk(settings, Infinity, (trainer, cursor) => {
      const role = currentLoopRole(lines, cursor, trainer.schedule);
      // The engine is at an epoch boundary when a whole epoch of steps lies ahead of it (or training is over).
      const boundary = trainer.step > 0 && (trainer.stepsToEpochEnd() === trainer.schedule.stepsPerEpoch || trainer.status === 'done');
      expect(role, `step ${trainer.step}`).toBe(trainer.step === 0 ? 'epoch' : boundary ? 'print' : 'step');
      seen.push(role);
    });
    expect(seen.filter((r) => r === 'print')).toHaveLength(3);
    expect(seen.filter((r) => r === 'step')).toHaveLength(3 * 5 - 3);
  });

  it('is scheduler.step() at an epoch boundary when the rate decays: the last line an epoch runs', () => {
    const settings = settingsWith({ n: 20, b: 5, decay: 0.5, k: 2, epochs: 2 });
    const lines = shownLoopLines(settings);
    const roles: string[] = [];
    walk(settings, Infinity, (trainer, cursor) => roles.push(currentLoopRole(lines, cursor, trainer.schedule)));
    // 4 batches × k = 2: steps 8 and 16 end the epochs.
    expect(roles[8]).toBe('schedule');
    expect(roles[16]).toBe('schedule');
    expect(roles[7]).toBe('step');
    expect(roles[9]).toBe('step');
    expect(lines[currentLoopLine(lines, { step: 8 }, { stepsPerEpoch: 8 })].text).toBe('scheduler.step()');
  });

  it('moves one epoch at a time from boundary to boundary, as "step epoch" does', () => {
    const settings = settingsWith({ n: 50, b: 7, epochs: 4 });
    const lines = shownLoopLines(settings);
    const trainer = createTrainer(settings);
    const roles: string[] = [];
    while (trainer.status === 'running') {
      trainer.advance(trainer.stepsToEpochEnd(), null, null);
      roles.push(currentLoopRole(lines, cursorOf(trainer), trainer.schedule));
    }
    expect(roles).toEqual(['print', 'print', 'print', 'print']);
  });

  it('treats a step count that is not a count as not started', () => {
    const lines = shownLoopLines(settingsWith({}));
    for (const step of [NaN, -3, 2.5, Infinity]) expect(currentLoopRole(lines, { step }, { stepsPerEpoch: 10 }), String(step)).toBe('epoch');
  });
});
