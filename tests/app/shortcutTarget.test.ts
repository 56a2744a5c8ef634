import { describe, expect, it } from 'vitest';
import { controlOwnsKey, type ControlKind } from '../../src/app/shortcutTarget.ts';

const owns = (kind: ControlKind, byPointer: boolean, key: string) => controlOwnsKey({ kind, byPointer }, key);
const SHORTCUTS = [' ', 'ArrowRight', 'r'];

describe('which keys the focused control keeps, and which are page shortcuts', () => {
  it('a text field, textarea or select keeps every key, however it was focused', () => {
    for (const byPointer of [true, false]) for (const key of SHORTCUTS) expect(owns('text', byPointer, key)).toBe(true);
  });

  it('after a click on a button or checkbox, space is play/pause (it used to press the control again)', () => {
    expect(owns('button', true, ' ')).toBe(false);
    expect(owns('toggle', true, ' ')).toBe(false);
    expect(owns('radio', true, ' ')).toBe(false);
    expect(owns('radio', true, 'ArrowRight')).toBe(false);
  });

  it('a button or checkbox reached with Tab keeps space, as everywhere; a radio its arrows', () => {
    expect(owns('button', false, ' ')).toBe(true);
    expect(owns('toggle', false, ' ')).toBe(true);
    expect(owns('radio', false, 'ArrowRight')).toBe(true);
    expect(owns('button', false, 'ArrowRight')).toBe(false);
    expect(owns('toggle', false, 'r')).toBe(false);
  });

  it('a link never keeps space (it used to do nothing there)', () => {
    expect(owns('link', true, ' ')).toBe(false);
    expect(owns('link', false, ' ')).toBe(false);
  });

  it('a slider keeps the keys that move it, but space plays and r resets', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']) {
      expect(owns('slider', true, key)).toBe(true);
      expect(owns('slider', false, key)).toBe(true);
    }
    expect(owns('slider', false, ' ')).toBe(false);
    expect(owns('slider', false, 'r')).toBe(false);
  });

  it('the page and the charts keep none (a chart cancels the keys it uses itself)', () => {
    for (const key of SHORTCUTS) expect(owns('other', false, key)).toBe(false);
  });
});
