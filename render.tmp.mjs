import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const f of process.argv.slice(2)) {
  const svg = readFileSync(f, 'utf8');
  const w = Number(/width="([\d.]+)"/.exec(svg)[1]), h = Number(/height="([\d.]+)"/.exec(svg)[1]);
  await page.setViewportSize({ width: Math.ceil(w), height: Math.ceil(h) });
  await page.goto('file://' + f);
  await page.screenshot({ path: f.replace(/\.svg$/, '.svg.png') });
}
await browser.close();
