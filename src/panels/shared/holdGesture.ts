// Press and hold, told apart from a tap, a swipe and a pinch. On a touch
// screen a chart must not act on a tap or a swipe: those are how a thumb
// scrolls the page, and an action there (setting w0 restarts the run) would
// fire by accident. A hold — the finger kept still for HOLD_MS — is deliberate.
// Pure: the hook (usePressHold.ts) feeds it pointer events and timer ticks.

/** How long the finger must stay put: about as long as a phone's own long press. */
export const HOLD_MS = 500;
/** How far (CSS px) the finger may drift before the hold and still count as held. */
export const HOLD_SLOP_PX = 8;

export type HoldPhase = 'idle' | 'pressing' | 'holding' | 'cancelled';

export interface HoldState {
  readonly phase: HoldPhase;
  /** The pointer being classified (the first finger down). */
  readonly id: number;
  readonly x0: number;
  readonly y0: number;
  readonly t0: number;
}

export type HoldInput =
  | { readonly kind: 'down'; readonly id: number; readonly x: number; readonly y: number; readonly t: number }
  | { readonly kind: 'move'; readonly id: number; readonly x: number; readonly y: number; readonly t: number }
  | { readonly kind: 'up'; readonly id: number }
  | { readonly kind: 'tick'; readonly t: number };

export const HOLD_IDLE: HoldState = { phase: 'idle', id: -1, x0: 0, y0: 0, t0: 0 };

const drifted = (s: HoldState, x: number, y: number) => {
  const dx = x - s.x0;
  const dy = y - s.y0;
  return dx * dx + dy * dy > HOLD_SLOP_PX * HOLD_SLOP_PX;
};

/**
 * The next state. A second finger (a pinch) or drifting past the slop before
 * HOLD_MS cancels the press for good; lifting the first finger (or the
 * browser taking it over, pointercancel, fed as 'up') returns to idle.
 */
export function nextHold(s: HoldState, input: HoldInput): HoldState {
  switch (input.kind) {
    case 'down':
      if (s.phase === 'idle') return { phase: 'pressing', id: input.id, x0: input.x, y0: input.y, t0: input.t };
      return input.id === s.id ? s : { ...s, phase: 'cancelled' };
    case 'move':
      if (input.id !== s.id || s.phase !== 'pressing') return s;
      if (drifted(s, input.x, input.y)) return { ...s, phase: 'cancelled' };
      return input.t - s.t0 >= HOLD_MS ? { ...s, phase: 'holding' } : s;
    case 'tick':
      return s.phase === 'pressing' && input.t - s.t0 >= HOLD_MS ? { ...s, phase: 'holding' } : s;
    case 'up':
      return input.id === s.id ? HOLD_IDLE : s;
  }
}
