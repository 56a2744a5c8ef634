// Space play/pause, → step, shift+→ step-epoch, ← / shift+← back by the timeline, r reset — except while the
// user types in a field, where those keys belong to the field.
import { useEffect } from 'react';

export interface ShortcutActions {
  togglePlay(): void;
  step(): void;
  stepEpoch(): void;
  /** Back one step, or to the previous epoch boundary (the timeline; while paused). */
  stepBack(epoch: boolean): void;
  reset(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}

export function useKeyboardShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // Space on a focused button presses that button; only take it from the page itself.
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('button, [role="button"], a, input')) return;
      let handled = true;
      if (event.key === ' ') actions.togglePlay();
      else if (event.key === 'ArrowRight' && event.shiftKey) actions.stepEpoch();
      else if (event.key === 'ArrowRight') actions.step();
      else if (event.key === 'ArrowLeft') actions.stepBack(event.shiftKey);
      else if (event.key === 'r' || event.key === 'R') actions.reset();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
