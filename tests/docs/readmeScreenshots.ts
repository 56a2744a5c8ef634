// `npm run screenshots`: the README's pictures, made the way the README says
// and written with Chromium's encoders (no image tool on this machine writes
// WebP) into public/screenshots/:
// - question-<id>.webp: each guided question's own link played to its end in
//   Debian's Chromium at 1366×768, clipped from the view controls to the
//   status rows, the part of the page the table's sentences describe;
// - epoch-lab.webp: the default experiment after five Step epoch clicks;
// - phone.jpg and presentation.jpg: the reshuffle question played to its end
//   at 390×844 and, with present=1, at 1280×720 (shown at 960×540).
// Not a test: it writes files. Flags: --only=new-epoch,val-loss,hero,phone,presentation
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
      // Settled: no chart still holds a picture while its settling repaint is rastered in a worker.
      return states.length > 0 && states.every((s) => s === 'done' || s === 'diverged') && document.querySelector('canvas[data-held]') === null;
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

/** The PNG re-encoded by the page's canvas as `type`, scaled by `scale`. */
async function encode(page: Page, png: Buffer, type: 'image/webp' | 'image/jpeg', scale = 1): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ({ base64, quality, type, scale }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(image.naturalWidth * scale);
      canvas.height = Math.round(image.naturalHeight * scale);
      canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL(type, quality);
    },
    { base64: png.toString('base64'), quality: WEBP_QUALITY, type, scale },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

const RESHUFFLE = QUESTIONS.find((q) => q.id === 'reshuffle')!.link;

/** A picture: what it opens, how it plays it, which part it keeps, and where it goes. */
interface Shot {
  readonly name: string;
  readonly file: string;
  readonly viewport: { width: number; height: number };
  readonly link: string;
  readonly play: (page: Page) => Promise<void>;
  /** Only the question's part of the page (clipOf), or the whole viewport. */
  readonly clipped: boolean;
  readonly type: 'image/webp' | 'image/jpeg';
  readonly scale: number;
}

async function stepFiveEpochs(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="status-step"]');
  for (let epoch = 1; epoch <= 5; epoch++) {
    await page.click('[data-testid="step-epoch"]');
    await page.waitForFunction((step) => document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value') === String(step), epoch * 10);
  }
  await page.waitForTimeout(600);
}

const SHOTS: readonly Shot[] = [
  ...QUESTIONS.map((q) => ({
    name: q.id,
    file: `question-${q.id}.webp`,
    viewport: VIEWPORT,
    link: fastLink(q.link),
    play: playToEnd,
    clipped: true,
    type: 'image/webp' as const,
    scale: 1,
  })),
  { name: 'hero', file: 'epoch-lab.webp', viewport: VIEWPORT, link: '', play: stepFiveEpochs, clipped: false, type: 'image/webp', scale: 1 },
  { name: 'phone', file: 'phone.jpg', viewport: { width: 390, height: 844 }, link: RESHUFFLE, play: playToEnd, clipped: false, type: 'image/jpeg', scale: 1 },
  { name: 'presentation', file: 'presentation.jpg', viewport: { width: 1280, height: 720 }, link: `${RESHUFFLE}&present=1`, play: playToEnd, clipped: false, type: 'image/jpeg', scale: 0.75 },
];

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const outDir = 'node_modules/.cache/readme-screenshots-dist';
  await buildSite(outDir);
  const server = await startStaticServer(outDir, '/shots/');
  const browser = await launchChromium(CHROMIUM);
  try {
    for (const shot of SHOTS.filter((s) => !only || only.includes(s.name))) {
      const context = await browser.newContext({ viewport: shot.viewport });
      // tsx compiles with esbuild's keepNames, which wraps functions passed to evaluate in a __name helper the page lacks.
      await context.addInitScript('window.__name ??= (f) => f');
      const page = await context.newPage();
      await page.goto(server.url + shot.link);
      await shot.play(page);
      const png = shot.clipped ? await page.screenshot({ clip: await clipOf(page), fullPage: true }) : await page.screenshot();
      const file = `${OUT_DIR}/${shot.file}`;
      writeFileSync(file, await encode(page, png, shot.type, shot.scale));
      console.log(`${file}: ${shot.link || 'the default page'}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
