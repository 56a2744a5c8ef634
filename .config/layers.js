// The layers of src/ and what each may import, as ESLint `no-restricted-imports`
// blocks. src/README.md draws the same picture; this file is what enforces it.
//
// A relative import is judged by where it lands, so each folder gets one block
// per depth: from src/store/export/x.ts, `../../ui/y` climbs two folders to src/
// and enters ui/. Regexes see only the text of the import, hence the depths.

/** Top-level folders of src/ that each layer may import from (its own included). */
export const LAYERS = {
  core: ['core'],
  worker: ['core', 'worker'],
  store: ['core', 'worker', 'store'],
  url: ['core', 'store', 'url'],
  panels: ['core', 'store', 'url', 'panels'],
  ui: ['core', 'store', 'url', 'ui', 'panels/shared'],
  app: ['core', 'store', 'url', 'panels', 'ui', 'app'],
  cli: ['core', 'cli'],
};

/** Folders of src/panels/: a chart imports only shared/ and itself, never a sibling chart. */
export const CHARTS = ['loss', 'weights', 'data', 'captions', 'loopView'];

const MAX_DEPTH = 4;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const up = (n) => `(\\.\\./){${n}}`;

/** An import that climbs exactly `levels` folders to `root`, then enters a folder not in `allowed`, or climbs past it. */
function pattern(levels, allowed, message) {
  const ok = allowed.map((a) => `${escape(a)}(/|$)`).join('|');
  return [
    { regex: `^${up(levels)}(?!${ok})[^./]`, message },
    { regex: `^${up(levels + 1)}`, message },
  ];
}

function block(glob, patterns) {
  return { files: [glob], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export function layerBlocks() {
  const blocks = [];
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const message = `src/${layer}/ may import only from ${allowed.map((a) => `src/${a}/`).join(', ')} (see src/README.md).`;
      const patterns = pattern(depth, allowed, message);
      blocks.push(block(`src/${layer}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`, patterns));
      if (layer !== 'panels' || depth < 2) continue;
      // Inside a chart folder, reaching src/panels/ (by `../` or by `../../panels/`) allows only shared/ and the chart itself.
      for (const own of CHARTS.concat('shared')) {
        const mine = own === 'shared' ? ['shared'] : ['shared', own];
        const ok = mine.map((m) => `${m}(/|$)`).join('|');
        const chartMessage = `src/panels/${own}/ may import from ${mine.map((m) => `src/panels/${m}/`).join(' and ')} and lower layers, never a sibling chart (see src/README.md).`;
        blocks.push(
          block(`src/panels/${own}/${'*/'.repeat(depth - 2)}*.{ts,tsx}`, [
            ...patterns,
            { regex: `^${up(depth - 1)}(?!${ok})[^./]`, message: chartMessage },
            { regex: `^${up(depth)}panels/(?!${ok})`, message: chartMessage },
          ]),
        );
      }
    }
  }
  return blocks;
}
