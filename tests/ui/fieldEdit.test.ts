import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { applyField } from '../../src/ui/fieldEdit.ts';

const base = { ...DEFAULT_SETTINGS };

describe('editing one setting', () => {
  it('applies a valid value', () => {
    const edit = applyField(base, 'lr', '0.05');
    expect(edit).toEqual({ ok: true, settings: { ...base, w0: [...base.w0], lr: 0.05 }, note: null });
  });

  it('refuses an invalid value with the reason and leaves the settings alone', () => {
    const edit = applyField(base, 'b', '0');
    expect(edit).toEqual({ ok: false, reason: `b=0: batch size must be an integer from 1 to n (${base.n}); using ${base.b}` });
    expect(applyField(base, 'b', '500')).toMatchObject({ ok: false });
    expect(applyField(base, 'lr', 'fast')).toMatchObject({ ok: false, reason: expect.stringMatching(/learning rate/) });
  });

  it('lets n shrink below b, lowering b and saying so', () => {
    const edit = applyField({ ...base, b: 50 }, 'n', '20');
    expect(edit).toMatchObject({ ok: true, settings: { n: 20, b: 20 } });
    expect(edit.ok && edit.note).toMatch(/batch size/);
  });
});
