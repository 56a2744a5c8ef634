import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { DerivedFacts } from '../../src/ui/DerivedFacts.tsx';

function facts(overrides: Partial<Settings>, maxStableLr = 0.4): string {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...overrides };
  // The text a reader sees, without the markup between its parts.
  return renderToStaticMarkup(<DerivedFacts settings={settings} maxStableLr={maxStableLr} />).replace(/<[^>]+>/g, '');
}

describe('derived facts', () => {
  it('says one example, one step and one epoch in the singular', () => {
    expect(facts({ b: 1 })).toContain('every batch has 1 example;');
    expect(facts({ n: 1, b: 1, epochs: 1 })).toContain('1 step in 1 epoch');
    expect(facts({ n: 11, b: 10 })).toContain('last batch: 1 example;');
    expect(facts({ n: 11, b: 10, drop: true })).toContain('the last example is dropped each epoch');
    expect(facts({ n: 12, b: 10, drop: true })).toContain('the last 2 examples are dropped each epoch');
    expect(facts({})).toContain('every batch has 10 examples; 200 steps in 20 epochs');
  });

  it('groups thousands with commas, in the formula too', () => {
    const text = facts({ n: 10_000, b: 32, epochs: 3 });
    expect(text).toContain('batches per epoch = ⌈10,000 / 32⌉ = 313');
    expect(text).toContain('939 steps in 3 epochs');
    expect(facts({ n: 100_000, b: 1, epochs: 2 })).toContain('every batch has 1 example; 200,000 steps in 2 epochs');
  });

  it('prints the largest stable rate as the status line prints a value', () => {
    expect(facts({}, 0.40123)).toContain('largest stable lr ≈ 0.401');
    expect(facts({}, Infinity)).toContain('largest stable lr ≈ ∞');
  });

  it('labels the rate as plain SGD\'s under adam and rmsprop, and warns only under sgd', () => {
    expect(facts({ lr: 0.5 }, 0.4)).toContain('lr 0.5 is above it');
    for (const optimizer of ['adam', 'rmsprop'] as const) {
      const text = facts({ optimizer, lr: 0.5 }, 0.4);
      expect(text).toContain(`largest stable lr of plain SGD ≈ 0.4 — it does not bound the steps of ${optimizer}`);
      expect(text).not.toContain('above it');
    }
  });
});
