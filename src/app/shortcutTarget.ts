// Whether a key pressed while a control has focus belongs to that control or
// is a page shortcut. Text fields own every key. Otherwise a control keeps
// only the keys it uses natively, and only when the keyboard brought focus to
// it — Tab to a button and space presses it, as everywhere. A control focused
// by a click has been used already: space then plays and pauses instead of
// pressing it again (after clicking "log y", space must not toggle it back).
// A link never owns space (its own key is Enter); a slider always owns the
// keys that move it, never space.

export type ControlKind = 'text' | 'slider' | 'button' | 'toggle' | 'radio' | 'link' | 'other';

export interface FocusedControl {
  readonly kind: ControlKind;
  /** Focus arrived with a pointer press (mouse, touch, pen), not with Tab or a key. */
  readonly byPointer: boolean;
}

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);
const RADIO_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ']);

export function controlOwnsKey(control: FocusedControl, key: string): boolean {
  switch (control.kind) {
    case 'text':
      return true;
    case 'slider':
      return SLIDER_KEYS.has(key);
    case 'button':
    case 'toggle':
      return !control.byPointer && key === ' ';
    case 'radio':
      return !control.byPointer && RADIO_KEYS.has(key);
    case 'link':
    case 'other':
      return false;
  }
}

const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'image']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** What kind of control the focused element is (or is inside of). */
export function controlKind(target: EventTarget | null): ControlKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable) return 'text';
  const el = target.closest<HTMLElement>('input, textarea, select, button, a[href], summary, [role]') ?? target;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    if (type === 'range') return 'slider';
    if (type === 'checkbox') return 'toggle';
    if (type === 'radio') return 'radio';
    return BUTTON_INPUTS.has(type) ? 'button' : 'text';
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
  if (tag === 'A') return 'link';
  const role = el.getAttribute('role');
  if (role === 'button') return 'button';
  if (role === 'checkbox' || role === 'switch') return 'toggle';
  if (role === 'slider') return 'slider';
  if (role === 'radio') return 'radio';
  return role && TEXT_ROLES.has(role) ? 'text' : 'other';
}
