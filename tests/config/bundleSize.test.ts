// What the built site ships, measured on a real production build (Vite's JS
// API, in memory): the initial chunk stays under its limit, the parts meant to
// load later are not in it, and no source map is deployed. Sizes of a build are
// deterministic, so this is a test, not a benchmark.
import { beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Rolldown } from 'vite';
import { INITIAL_JS_GZIP_LIMIT } from '../../.config/bundleBudget.ts';

type Output = Rolldown.RolldownOutput['output'][number][];
type Chunk = Rolldown.OutputChunk;

/** Modules that must reach the page only when they are needed (by the path's start, from the project root). */
const DEFERRED = [
  'node_modules/d3-zoom/',
  'node_modules/d3-transition/',
  'src/core/pytorchScript.ts',
  'src/panels/data/DataPanel.tsx',
  'src/panels/captions/',
  'src/panels/loopView/LoopView.tsx',
  'src/app/questions/checkOnRuns.ts',
  'src/app/questions/index.ts',
  'src/store/export/',
  // The export composer and each chart's exporter; exportImage.ts (a file name and a download) is small and stays.
  'src/panels/shared/exportCompose.ts',
  'src/panels/shared/exportSvg.ts',
  'src/panels/shared/exportPng.ts',
  'src/panels/loss/lossExport.ts',
  'src/panels/weights/weightExport.ts',
  'src/panels/data/dataExport.ts',
  'src/core/runReport.ts',
  // The page trains nothing itself: the engine comes only with a question's check or an export (page code imports
  // core's modules directly, since anything re-exported by core/index.ts that the entry reaches lands in its chunk).
  'src/core/trainer.ts',
  'src/core/sgdSteps.ts',
  // Recording a whole repaint for the raster worker: needed only once a run trains.
  'src/panels/shared/displayList.ts',
  // Reading the loss chart: crosshair, dots and the table of values, loaded just after the first paint.
  'src/panels/loss/LossHover.tsx',
  'src/panels/loss/LossTooltip.tsx',
  'src/panels/loss/hoverRows.ts',
  'src/panels/loss/drawHover.ts',
];

const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

async function buildSite(): Promise<Output> {
  const outDir = mkdtempSync(join(tmpdir(), 'epoch-lab-bundle-'));
  // Vitest sets NODE_ENV=test, which would bundle React's development build; measure what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const result = await build({ logLevel: 'silent', mode: 'production', configFile: 'vite.config.ts', build: { outDir, write: false } });
    return (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
  } finally {
    process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The entry chunk and, transitively, every chunk it imports statically: what loads before anything is drawn. */
function initialChunks(output: Output): Chunk[] {
  const chunks = new Map(output.filter((o): o is Chunk => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = [...chunks.values()].find((c) => c.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const seen = new Map<string, Chunk>();
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(chunks.get(name)!);
  };
  visit(entry);
  return [...seen.values()];
}

function sizeTable(output: Output, initial: readonly Chunk[]): string {
  const rows = output
    .filter((o) => o.fileName.endsWith('.js'))
    .map((o) => {
      const code = o.type === 'chunk' ? o.code : o.source;
      const role = initial.some((c) => c.fileName === o.fileName) ? 'initial' : o.type === 'chunk' ? 'later' : 'worker/asset';
      return { role, name: o.fileName, gz: gzip(code) };
    })
    .sort((a, b) => a.role.localeCompare(b.role) || b.gz - a.gz);
  return rows.map((r) => `  ${r.role.padEnd(13)} ${(r.gz / 1000).toFixed(1).padStart(6)} KB gzip  ${r.name}`).join('\n');
}

describe('the built site', () => {
  let output: Output;
  let initial: Chunk[];
  beforeAll(async () => {
    output = await buildSite();
    initial = initialChunks(output);
  }, 120_000);

  it(`loads at most ${INITIAL_JS_GZIP_LIMIT / 1000} KB of gzipped JavaScript before its first paint`, () => {
    const total = initial.reduce((sum, c) => sum + gzip(c.code), 0);
    expect(initial.length).toBeGreaterThan(0);
    expect(total, `initial JavaScript is ${(total / 1000).toFixed(1)} KB gzip (limit ${INITIAL_JS_GZIP_LIMIT / 1000} KB):\n${sizeTable(output, initial)}`).toBeLessThanOrEqual(
      INITIAL_JS_GZIP_LIMIT,
    );
  });

  it('keeps the rarely needed parts out of the initial chunk, in chunks of their own', () => {
    const root = process.cwd();
    const where = (prefix: string) =>
      output
        .filter((o): o is Chunk => o.type === 'chunk' && o.moduleIds.some((id) => relative(root, id).startsWith(prefix)))
        .map((c) => ({ prefix, chunk: c.fileName, initial: initial.includes(c) }));
    const found = DEFERRED.flatMap(where);
    expect(found.filter((f) => f.initial)).toEqual([]);
    // Each is still shipped (the list names real modules), just later.
    expect(DEFERRED.filter((prefix) => !found.some((f) => f.prefix === prefix))).toEqual([]);
  });

  it('ships no source maps and points to none', () => {
    expect(output.filter((o) => o.fileName.endsWith('.map')).map((o) => o.fileName)).toEqual([]);
    const pointing = output.filter((o) => /sourceMappingURL/.test(o.type === 'chunk' ? o.code : String(o.source))).map((o) => o.fileName);
    expect(pointing).toEqual([]);
  });

  it('ships no d3-scale-chromatic (its two ramps are tables in src/panels/shared/colorRamps.ts)', () => {
    const chunks = output.filter((o): o is Chunk => o.type === 'chunk');
    expect(chunks.flatMap((c) => c.moduleIds.filter((id) => id.includes('d3-scale-chromatic')))).toEqual([]);
  });
});
