// `npm run screenshots`: the README's picture of each guided question, made
// the way the README says — the question's own link played to its end in
// Debian's Chromium at 1366×768 — and written as WebP (Chromium's encoder,
// quality 0.8: no image tool on this machine writes WebP) into
// public/screenshots/question-<id>.webp. The clip runs from the view controls
// to the status rows, the part of the page the table's sentences describe.
// Not a test: it writes files. Flags: --only=new-epoch,val-loss
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { QUESTIONS } from '../../src/app/questions.ts';
import { buildSite } from '../e2e/buildSite.ts';
import { launchChromium } from '../e2e/chromiumLaunch.ts';
import { startStaticServer } from '../e2e/staticServer.ts';

const VIEWPORT = { width: 1366, height: 768 };
const WEBP_QUALITY = 0.8;
const RUN_TIMEOUT_MS = 120_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = 'public/screenshots';

/** The link as the README gives it, played at full speed: the runs end in the same state, sooner. */
function fastLink(link: string): string {
  const params = new URLSearchParams(link.slice(1));
  params.set('speed', 'max');
  return `?${params}`;
}

async function playToEnd(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="status-step"]');
  await page.click('[data-testid="play"]');
  await page.waitForFunction(
    () => {
      const states = [...document.querySelectorAll('[data-testid^="status-state"]')].map((e) => e.getAttribute('data-value'));
      return states.length > 0 && states.every((s) => s === 'done' || s === 'diverged');
    },
    undefined,
    { timeout: RUN_TIMEOUT_MS, polling: 200 },
  );
  // The text follows the charts at most five times a second; let the last update and paint land.
  await page.waitForTimeout(600);
}

async function clipOf(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    const top = box('.view-controls');
    const charts = box('.charts');
    const status = box('[data-testid="status-line"], .status-line');
    const x = Math.max(0, charts.left - 4);
    const y = Math.max(0, top.top - 4) + window.scrollY;
    return { x, y, width: Math.min(window.innerWidth - x, charts.width + 8), height: status.bottom + window.scrollY + 4 - y };
  });
}

async function toWebp(page: Page, png: Buffer): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ({ base64, quality }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      canvas.getContext('2d')!.drawImage(image, 0, 0);
      return canvas.toDataURL('image/webp', quality);
    },
    { base64: png.toString('base64'), quality: WEBP_QUALITY },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const questions = QUESTIONS.filter((q) => !only || only.includes(q.id));
  const outDir = 'node_modules/.cache/readme-screenshots-dist';
  await buildSite(outDir);
  const server = await startStaticServer(outDir, '/shots/');
  const browser = await launchChromium(CHROMIUM);
  try {
    for (const question of questions) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      // tsx compiles with esbuild's keepNames, which wraps functions passed to evaluate in a __name helper the page lacks.
      await context.addInitScript('window.__name ??= (f) => f');
      const page = await context.newPage();
      await page.goto(server.url + fastLink(question.link));
      await playToEnd(page);
      const png = await page.screenshot({ clip: await clipOf(page), fullPage: true });
      const file = `${OUT_DIR}/question-${question.id}.webp`;
      writeFileSync(file, await toWebp(page, png));
      console.log(`${file}: ${question.link}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
