import { chromium } from 'playwright-core';
import { mkdirSync, copyFileSync } from 'node:fs';
const [,, out, query, epochs, ...charts] = process.argv;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.log('ERR', e));
page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
await page.goto('http://localhost:4719/' + query);
await page.waitForSelector('[data-testid="status-step"]');
for (let i = 0; i < Number(epochs); i++) { await page.click('[data-testid="step-epoch"]'); await page.waitForTimeout(400); }
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}/page.png` });
for (const chart of charts.length ? charts : ['loss', 'weight-space', 'data']) for (const kind of ['png', 'svg']) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${kind}-${chart}"]`)]);
  copyFileSync(await d.path(), `${out}/${chart}.${kind}`);
}
console.log(await page.$$eval('.chart-image-buttons [role=status]', (s) => s.map((x) => x.textContent)));
await browser.close();
