// The presentation view draws every chart with its style.ts's present variant:
// nothing in it is lighter or smaller than on screen, and the lines a room reads
// from the back (the full loss, the primary path, the fit) are clearly heavier.
import { describe, expect, it } from 'vitest';
import { DATA_STYLE, dataStyleFor, PRESENT_DATA_STYLE } from '../../../src/panels/data/style.ts';
import { LOSS_STYLE, lossStyleFor, PRESENT_LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { PRESENT_WEIGHT_STYLE, WEIGHT_STYLE, weightStyleFor } from '../../../src/panels/weights/style.ts';

const SIZES = new Set(['width', 'strokeWidth', 'radius', 'side', 'fontSize', 'outer', 'inner', 'half', 'minWidth']);

/** Every size (a stroke width, radius, side or font size) of a style, by its path, e.g. "full.raw.width". */
function sizes(style: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>();
  if (style === null || typeof style !== 'object' || Array.isArray(style)) return out;
  for (const [key, value] of Object.entries(style)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'number' && SIZES.has(key)) out.set(at, value);
    else for (const [p, v] of sizes(value, at)) out.set(p, v);
  }
  return out;
}

const CHARTS = [
  { chart: 'loss', screen: LOSS_STYLE, present: PRESENT_LOSS_STYLE, pick: lossStyleFor, main: 'full.raw.width' },
  { chart: 'weight space', screen: WEIGHT_STYLE, present: PRESENT_WEIGHT_STYLE, pick: weightStyleFor, main: 'path.primary.width' },
  { chart: 'data', screen: DATA_STYLE, present: PRESENT_DATA_STYLE, pick: dataStyleFor, main: 'fit.width' },
] as const;

describe.each(CHARTS)('the $chart chart in the presentation view', ({ screen, present, pick, main }) => {
  it('is picked by the view, and the screen style otherwise', () => {
    expect(pick(true)).toBe(present);
    expect(pick(false)).toBe(screen);
  });

  it('has every size of the screen style, none smaller', () => {
    const onScreen = sizes(screen);
    const presented = sizes(present);
    expect(onScreen.size).toBeGreaterThan(3);
    expect([...presented.keys()].sort()).toEqual([...onScreen.keys()].sort());
    for (const [path, value] of onScreen) expect(presented.get(path), path).toBeGreaterThanOrEqual(value);
  });

  it('draws its main line at least 1.5 times as heavy', () => {
    expect(sizes(present).get(main)).toBeGreaterThanOrEqual(1.5 * sizes(screen).get(main)!);
  });
});
