// The two ColorBrewer ramps the charts use, as d3-scale-chromatic builds them
// (its largest scheme of each, as hex, through d3-interpolate's RGB basis
// spline), without shipping that package's every scheme (16 KB minified) to the
// page. tests/panels/shared/colorRamps.test.ts checks them against it.
import { interpolateRgbBasis } from 'd3-interpolate';

/** Six hex digits per colour, run together, as d3-scale-chromatic stores its schemes. */
function hexColours(specifier: string): string[] {
  return Array.from({ length: specifier.length / 6 }, (_, i) => `#${specifier.slice(i * 6, i * 6 + 6)}`);
}

/** Sequential yellow–green–blue (9 classes): the weight space's loss bands. */
export const interpolateYlGnBu: (t: number) => string = interpolateRgbBasis(
  hexColours('ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58'),
);

/** Diverging red–blue (11 classes): the data chart's residuals. */
export const interpolateRdBu: (t: number) => string = interpolateRgbBasis(
  hexColours('67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061'),
);
