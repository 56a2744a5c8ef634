// The one-click comparisons: runs that differ in one setting only, so the same
// data, seed and starting weights make the difference theirs alone.
import { OPTIMIZERS, SHUFFLE_MODES, type Settings } from '../core/settings.ts';
import { settingsEqual } from '../core/settingsText.ts';

export const COMPARISON_KINDS = ['shuffle', 'batch', 'optimizer'] as const;
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];

function copy(settings: Settings): Settings {
  return { ...settings, w0: [settings.w0[0], settings.w0[1]] };
}

/**
 * shuffle: every shuffle mode; batch: b = 1, the current b and n (each once,
 * ascending); optimizer: sgd, adam and rmsprop at the same rate (each keeps
 * the edited mom: sgd and rmsprop use it, adam ignores it).
 */
export function comparisonSettings(base: Settings, kind: ComparisonKind): Settings[] {
  if (kind === 'shuffle') return SHUFFLE_MODES.map((shuffle) => ({ ...copy(base), shuffle }));
  if (kind === 'optimizer') return OPTIMIZERS.map((optimizer) => ({ ...copy(base), optimizer }));
  const sizes = [...new Set([1, base.b, base.n])].sort((a, b) => a - b);
  return sizes.map((b) => ({ ...copy(base), b }));
}

/** The comparison a list of runs is, taken around `base`, or null (so a restored link keeps behaving as one). */
export function detectComparison(base: Settings, list: readonly Settings[]): ComparisonKind | null {
  for (const kind of COMPARISON_KINDS) {
    const expected = comparisonSettings(base, kind);
    if (expected.length === list.length && expected.every((s, i) => settingsEqual(s, list[i]))) return kind;
  }
  return null;
}
