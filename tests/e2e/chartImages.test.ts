// Chart images fit for a slide, as a teacher saves them: a two-run comparison
// stepped two epochs, then PNG and SVG of each chart through the page's own
// buttons and Chromium's real downloads. The PNG is at least twice the
// on-screen width, decodes, and has the runs' colours in its legend; the SVG
// has the legend with the run names (the data panel shows one run: it names
// that one, and not the other).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, openApp } from './browser.ts';
import { waitForStep } from './statusReader.ts';

const QUERY = '?n=60&b=10&epochs=6&runs=base,b:30';
/** Set to a folder to keep the files for a look (EPOCH_LAB_EXPORTS=/tmp/exports). */
const KEEP = process.env.EPOCH_LAB_EXPORTS;

const CHARTS = [
  { chart: 'loss', panel: 'loss-panel', title: 'Loss per step', allRuns: true },
  { chart: 'weight-space', panel: 'weight-panel', title: 'Weight space: full-data loss over (w1, w2)', allRuns: true },
  { chart: 'data', panel: 'data-panel', title: 'Training data (n = 60)', allRuns: false },
] as const;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

interface Decoded {
  width: number;
  height: number;
  /** Per run colour: pixels within a small distance of it, below `fromY`. */
  matches: number[];
}

/** Decodes the PNG in the page and counts pixels of each colour in its rows from `fromY` down. */
function decodeInPage(page: Page, base64: string, colors: string[], fromY: number): Promise<Decoded> {
  return page.evaluate(
    async ({ base64, colors, fromY }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const top = Math.max(0, Math.min(bitmap.height - 1, Math.floor(fromY)));
      const { data } = ctx.getImageData(0, top, bitmap.width, bitmap.height - top);
      const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
      const matches = rgb.map(([r, g, b]) => {
        let count = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) count++;
        return count;
      });
      return { width: bitmap.width, height: bitmap.height, matches };
    },
    { base64, colors, fromY },
  );
}

describe.runIf(hasBrowser)('chart images for slides', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves every chart as a PNG at twice the screen or more, and as an SVG, each with title and legend naming the runs', async () => {
    const { page, errors } = await openApp(browser, QUERY);
    await page.waitForSelector('[data-testid="run-list"] li:nth-child(2)');
    const perEpoch = 6;
    for (const epoch of [1, 2]) {
      await page.click('[data-testid="step-epoch"]');
      await waitForStep(page, `step === ${epoch * perEpoch}`);
    }
    const runs = await page.$$eval('[data-testid="run-list"] li', (items) =>
      items.map((li) => ({ name: li.querySelector('.run-name')?.textContent ?? '', color: (li.querySelector('.swatch') as HTMLElement).style.background })),
    );
    const colors = await page.evaluate((list) => list.map((c) => {
      const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
      ctx.fillStyle = c;
      return ctx.fillStyle;
    }), runs.map((r) => r.color));
    expect(runs.map((r) => r.name)).toEqual(['b=10', 'b=30']);
    if (KEEP) mkdirSync(KEEP, { recursive: true });

    for (const { chart, panel, title, allRuns } of CHARTS) {
      const canvasWidth = await page.$eval(`[data-testid="${panel}"] canvas`, (c) => c.getBoundingClientRect().width);
      expect(canvasWidth).toBeGreaterThan(100);

      const svg = await download(page, `svg-${chart}`);
      expect(svg.name).toBe(`epoch-lab-${chart}.svg`);
      const text = svg.bytes.toString('utf8');
      expect(text, chart).toContain(`>${title}</text>`);
      expect(text).toContain('class="legend"');
      const named = runs.filter((_, i) => allRuns || i === 0);
      for (const run of named) expect(text, `${chart}: ${run.name}`).toMatch(new RegExp(`>[^<]*${run.name}[^<]*</text>`));
      if (!allRuns) expect(text).not.toContain(runs[1].name);
      // Where the legend starts, in the SVG's CSS pixels.
      const legendTop = Math.min(...[...text.matchAll(/<g class="legend-entry"[^>]*><g transform="translate\([\d.]+,([\d.]+)\)">/g)].map((m) => Number(m[1])));
      const svgWidth = Number(/<svg [^>]*width="([\d.]+)"/.exec(text)![1]);

      const png = await download(page, `png-${chart}`);
      expect(png.name).toBe(`epoch-lab-${chart}.png`);
      expect([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      const ratio = png.bytes.readUInt32BE(16) / svgWidth;
      const decoded = await decodeInPage(page, png.bytes.toString('base64'), colors.slice(0, named.length), legendTop * ratio);
      expect(decoded.width, chart).toBeGreaterThanOrEqual(2 * canvasWidth);
      expect(ratio).toBeGreaterThanOrEqual(2);
      // Each named run's swatch, in its colour, in the legend's rows.
      for (const [i, count] of decoded.matches.entries()) expect(count, `${chart}: ${runs[i].name}'s colour in the legend`).toBeGreaterThan(20);
      if (KEEP) {
        writeFileSync(`${KEEP}/${svg.name}`, svg.bytes);
        writeFileSync(`${KEEP}/${png.name}`, png.bytes);
      }
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
