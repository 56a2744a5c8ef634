import { describe, expect, it } from 'vitest';
import { WakeTimer } from '../../src/worker/wakeTimer.ts';
import { FakeScheduler } from './fakeScheduler.ts';

describe('WakeTimer', () => {
  it('keeps only the latest wake: an earlier one, already queued, does nothing', () => {
    const scheduler = new FakeScheduler();
    const wake = new WakeTimer(scheduler);
    const woke: string[] = [];
    wake.soon(() => woke.push('soon'));
    wake.at(30, () => woke.push('at 30'));
    scheduler.advance(50);
    expect(woke).toEqual(['at 30']);
  });

  it('cancel leaves nothing pending and nothing to fire', () => {
    const scheduler = new FakeScheduler();
    const wake = new WakeTimer(scheduler);
    const woke: string[] = [];
    wake.at(10, () => woke.push('at 10'));
    wake.cancel();
    expect(scheduler.pendingTimers).toBe(0);
    wake.soon(() => woke.push('soon'));
    wake.cancel();
    scheduler.advance(50);
    expect(woke).toEqual([]);
  });
});
