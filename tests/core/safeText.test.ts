import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/core/safeText.ts';

describe('safeText', () => {
  it('shows hostile values short and inert', () => {
    expect(safeText('a\u0000b\nc')).toBe('a?b?c');
    expect(safeText('\u202Eevil')).toBe('?evil');
    expect(safeText('x'.repeat(1000))).toBe(`${'x'.repeat(40)}…`);
    const emoji = '😀'.repeat(50);
    expect(safeText(emoji)).toBe(`${'😀'.repeat(40)}…`);
    expect(safeText(`a${'\ud800'}b`)).toBe('a?b');
  });
});
