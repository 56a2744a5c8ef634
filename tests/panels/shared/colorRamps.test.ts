// The page's own ramps must be d3-scale-chromatic's, colour for colour: the
// package stays a devDependency for this comparison only.
import { describe, expect, it } from 'vitest';
import * as chromatic from 'd3-scale-chromatic';
import { interpolateRdBu, interpolateYlGnBu } from '../../../src/panels/shared/colorRamps.ts';

const SAMPLES = 1001;
const ts = [...Array.from({ length: SAMPLES }, (_, i) => i / (SAMPLES - 1)), -0.5, 1.5, 0.123456789, Number.NaN];

describe.each([
  ['YlGnBu', interpolateYlGnBu, chromatic.interpolateYlGnBu],
  ['RdBu', interpolateRdBu, chromatic.interpolateRdBu],
])('%s', (_, ours, theirs) => {
  it(`gives d3-scale-chromatic's colour at ${ts.length} points, ends and out-of-range values included`, () => {
    const differing = ts.filter((t) => ours(t) !== theirs(t)).map((t) => `${t}: ${ours(t)} vs ${theirs(t)}`);
    expect(differing).toEqual([]);
  });

  it('is a ramp, not one colour', () => {
    expect(new Set(ts.map(ours)).size).toBeGreaterThan(200);
  });
});
