import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approxNumber, countOf, formatCount, formatValue } from '../../src/core/format.ts';
import { createTrainer, DEFAULT_SETTINGS } from '../../src/core/index.ts';
import { count, counted, num, pair } from '../../src/panels/captions/captionFormat.ts';
import * as panelFormat from '../../src/panels/shared/format.ts';

const anyValue = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1e-3, 9.995e-4, 99_950, 1e5, -2.5e-7, Infinity, -Infinity));

describe('the one number format of the page', () => {
  it('prints every value the same way in a caption as in the status line and the panels', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(num(v)).toBe(formatValue(v));
        expect(panelFormat.formatValue(v)).toBe(formatValue(v));
      }),
      { numRuns: 2000 },
    );
    expect(pair([-1.5, 2])).toBe(`(${formatValue(-1.5)}, ${formatValue(2)})`);
  });

  it('prints every count the same way in a caption as in the status line and the panels', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (v) => {
        expect(count(v)).toBe(formatCount(v));
        expect(panelFormat.formatCount(v)).toBe(formatCount(v));
      }),
    );
  });

  it('uses one minus sign, also in exponents, and never a plus sign', () => {
    expect(formatValue(-3e8)).toBe('\u22123e8');
    expect(formatValue(-2.5e-7)).toBe('\u22122.5e\u22127');
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(formatValue(v)).not.toMatch(/[-+]/);
      }),
    );
  });

  it('groups thousands with commas, from 1,000 up, in values too', () => {
    expect(formatValue(1234.5)).toBe('1,230');
    expect(formatValue(-99_960)).toBe('\u2212100,000');
    expect(formatValue(999.4)).toBe('999');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatCount(-12_345)).toBe('\u221212,345');
  });

  it('says one thing and many things', () => {
    expect(countOf(1, 'example')).toBe('1 example');
    expect(countOf(0, 'example')).toBe('0 examples');
    expect(countOf(2000, 'step')).toBe('2,000 steps');
    expect(countOf(3, 'batch', 'batches')).toBe('3 batches');
    expect(counted(1, 'epoch')).toBe(countOf(1, 'epoch'));
  });

  it('prints a value in the engine’s messages as the caption does', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constant(NaN)), (v) => {
        expect(approxNumber(v)).toBe(num(v));
      }),
    );
    // The status line shows this message beside a caption that counts steps the same way; this run diverges past step 1,000, so the grouping shows.
    const trainer = createTrainer({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], lr: 0.38, b: 1, epochs: 20, seed: 2 });
    trainer.advance(Infinity, null, null);
    const { step, epoch, message } = trainer.divergence!;
    expect(step).toBeGreaterThanOrEqual(1000);
    expect(message).toMatch(new RegExp(`^Diverged at step ${count(step)} \\(epoch ${count(epoch)}\\): the loss reached ${formatValue(trainer.loss)}\\. `));
  });
});
