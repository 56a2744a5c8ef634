import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HOLD_IDLE, HOLD_MS, HOLD_SLOP_PX, nextHold, type HoldInput, type HoldState } from '../../../src/panels/shared/holdGesture.ts';

const run = (inputs: HoldInput[], from: HoldState = HOLD_IDLE) => inputs.reduce(nextHold, from);
const down = (t = 0, x = 100, y = 100, id = 1): HoldInput => ({ kind: 'down', id, x, y, t });
const move = (t: number, x: number, y: number, id = 1): HoldInput => ({ kind: 'move', id, x, y, t });

describe('press and hold, told apart from a tap, a swipe and a pinch', () => {
  it('a finger kept still for HOLD_MS holds, by the timer alone or by a late move', () => {
    expect(run([down(0), { kind: 'tick', t: HOLD_MS - 1 }]).phase).toBe('pressing');
    expect(run([down(0), { kind: 'tick', t: HOLD_MS }]).phase).toBe('holding');
    expect(run([down(10), move(10 + HOLD_MS, 103, 98)]).phase).toBe('holding');
  });

  it('a tap (lifted before HOLD_MS) never holds', () => {
    const tapped = run([down(0), move(100, 101, 100), { kind: 'up', id: 1 }]);
    expect(tapped).toEqual(HOLD_IDLE);
    // A tick that arrives after the lift changes nothing.
    expect(nextHold(tapped, { kind: 'tick', t: HOLD_MS * 2 }).phase).toBe('idle');
  });

  it('a swipe (drifting past the slop before HOLD_MS) is cancelled for good, even if it then stays still', () => {
    const swiped = run([down(0, 100, 100), move(50, 100, 100 + HOLD_SLOP_PX + 1)]);
    expect(swiped.phase).toBe('cancelled');
    expect(run([move(HOLD_MS * 3, 100, 100), { kind: 'tick', t: HOLD_MS * 4 }], swiped).phase).toBe('cancelled');
    expect(nextHold(swiped, { kind: 'up', id: 1 }).phase).toBe('idle');
  });

  it('drift inside the slop still holds, in any direction', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: HOLD_SLOP_PX - 1e-6, noNaN: true }), (angle, r) => {
        const s = run([down(0), move(HOLD_MS / 2, 100 + r * Math.cos(angle), 100 + r * Math.sin(angle)), { kind: 'tick', t: HOLD_MS }]);
        expect(s.phase).toBe('holding');
      }),
    );
  });

  it('a second finger (a pinch) cancels the press, and ends a hold', () => {
    expect(run([down(0), down(20, 200, 200, 2), { kind: 'tick', t: HOLD_MS }]).phase).toBe('cancelled');
    expect(run([down(0), { kind: 'tick', t: HOLD_MS }, down(HOLD_MS + 10, 200, 200, 2)]).phase).toBe('cancelled');
    // Lifting the second finger does not revive it; lifting the first ends the gesture.
    const pinched = run([down(0), down(20, 200, 200, 2), { kind: 'up', id: 2 }, { kind: 'tick', t: HOLD_MS }]);
    expect(pinched.phase).toBe('cancelled');
    expect(nextHold(pinched, { kind: 'up', id: 1 })).toEqual(HOLD_IDLE);
  });

  it('a held finger may move anywhere and stays held until it lifts', () => {
    const held = run([down(0), { kind: 'tick', t: HOLD_MS }, move(HOLD_MS + 50, 300, 20), move(HOLD_MS + 90, 0, 400)]);
    expect(held.phase).toBe('holding');
    expect(nextHold(held, { kind: 'up', id: 1 }).phase).toBe('idle');
  });

  it('moves of another pointer do not disturb the press', () => {
    expect(run([down(0), move(10, 900, 900, 7), { kind: 'tick', t: HOLD_MS }]).phase).toBe('holding');
  });
});
