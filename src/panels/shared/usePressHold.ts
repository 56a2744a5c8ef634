// Press and hold on a chart surface, for touch and pen (a mouse hovers and
// clicks instead). While a finger holds, the page must not scroll under it
// nor open the long-press menu, so those defaults are cancelled — only then:
// a swipe that is not a hold stays the browser's, and scrolls the page.
import { useEffect, useEffectEvent, type RefObject } from 'react';
import { HOLD_IDLE, HOLD_MS, nextHold, type HoldState } from './holdGesture.ts';

export interface PressHoldHandlers {
  /** The hold began at this point (client coordinates). */
  onHold(clientX: number, clientY: number): void;
  /** The held finger moved. */
  onHoldMove?(clientX: number, clientY: number): void;
  /** The held finger lifted, or a second finger ended the hold. */
  onHoldEnd?(): void;
}

/** A pointer that taps and swipes rather than hovers. */
export const isTouchLike = (event: PointerEvent | { pointerType: string }) => event.pointerType === 'touch' || event.pointerType === 'pen';

export function usePressHold(targetRef: RefObject<Element | null>, handlers: PressHoldHandlers): void {
  const onHold = useEffectEvent((x: number, y: number) => handlers.onHold(x, y));
  const onHoldMove = useEffectEvent((x: number, y: number) => handlers.onHoldMove?.(x, y));
  const onHoldEnd = useEffectEvent(() => handlers.onHoldEnd?.());

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    let state: HoldState = HOLD_IDLE;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: [number, number] = [0, 0];

    const feed = (next: HoldState) => {
      const was = state.phase;
      state = next;
      if (was !== 'holding' && next.phase === 'holding') onHold(last[0], last[1]);
      else if (was === 'holding' && next.phase !== 'holding') onHoldEnd();
      if (next.phase !== 'pressing' && timer !== undefined) timer = void clearTimeout(timer);
    };
    const down = (event: PointerEvent) => {
      if (!isTouchLike(event)) return;
      // A primary pointer means no other finger is down: whatever was pending is over.
      if (event.isPrimary) feed(HOLD_IDLE);
      last = [event.clientX, event.clientY];
      feed(nextHold(state, { kind: 'down', id: event.pointerId, x: event.clientX, y: event.clientY, t: event.timeStamp }));
      if (state.phase === 'pressing' && timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          feed(nextHold(state, { kind: 'tick', t: state.t0 + HOLD_MS }));
        }, HOLD_MS);
      }
    };
    const move = (event: PointerEvent) => {
      if (!isTouchLike(event) || event.pointerId !== state.id) return;
      last = [event.clientX, event.clientY];
      const wasHolding = state.phase === 'holding';
      feed(nextHold(state, { kind: 'move', id: event.pointerId, x: event.clientX, y: event.clientY, t: event.timeStamp }));
      if (wasHolding && state.phase === 'holding') onHoldMove(event.clientX, event.clientY);
    };
    const up = (event: PointerEvent) => {
      if (isTouchLike(event)) feed(nextHold(state, { kind: 'up', id: event.pointerId }));
    };
    // Touch events, not pointer events, are what can stop the page from scrolling.
    const holdTouch = (event: Event) => {
      if (state.phase === 'holding' && event.cancelable) event.preventDefault();
    };
    const menu = (event: Event) => {
      if (state.phase !== 'idle') event.preventDefault();
    };
    target.addEventListener('pointerdown', down as EventListener);
    target.addEventListener('pointermove', move as EventListener);
    target.addEventListener('pointerup', up as EventListener);
    target.addEventListener('pointercancel', up as EventListener);
    target.addEventListener('touchmove', holdTouch, { passive: false });
    target.addEventListener('contextmenu', menu);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      target.removeEventListener('pointerdown', down as EventListener);
      target.removeEventListener('pointermove', move as EventListener);
      target.removeEventListener('pointerup', up as EventListener);
      target.removeEventListener('pointercancel', up as EventListener);
      target.removeEventListener('touchmove', holdTouch);
      target.removeEventListener('contextmenu', menu);
    };
  }, [targetRef]);
}
