// Space play/pause, → step, shift+→ step-epoch, ← / shift+← back by the timeline, r reset — except for
// the keys the focused control uses itself (shortcutTarget.ts says which).
import { useEffect } from 'react';
import { controlKind, controlOwnsKey } from './shortcutTarget.ts';

export interface ShortcutActions {
  togglePlay(): void;
  step(): void;
  stepEpoch(): void;
  /** Back one step, or to the previous epoch boundary (the timeline; while paused). */
  stepBack(epoch: boolean): void;
  reset(): void;
}

export function useKeyboardShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    // How focus arrived: a pointer press arms, a key disarms, and the focus that follows takes the mark.
    let pressed = false;
    let byPointer = false;
    const onPointerDown = () => {
      pressed = true;
      byPointer = true;
    };
    const onFocusIn = () => {
      byPointer = pressed;
    };
    // In the capture phase, so a control that stops the key's propagation still disarms.
    const onAnyKey = () => {
      pressed = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (controlOwnsKey({ kind: controlKind(event.target), byPointer }, event.key)) return;
      let handled = true;
      if (event.key === ' ') actions.togglePlay();
      else if (event.key === 'ArrowRight' && event.shiftKey) actions.stepEpoch();
      else if (event.key === 'ArrowRight') actions.step();
      else if (event.key === 'ArrowLeft') actions.stepBack(event.shiftKey);
      else if (event.key === 'r' || event.key === 'R') actions.reset();
      else handled = false;
      // Cancelling the keydown also keeps the clicked control from being pressed again on keyup.
      if (handled) event.preventDefault();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('focusin', onFocusIn, true);
    window.addEventListener('keydown', onAnyKey, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onAnyKey, true);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [actions]);
}
