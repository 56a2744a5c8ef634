// The driver interface itself, in every engine: a test written once sees the
// same page size, the same errors and the same failures everywhere — so a
// test that passes in WebKit passes because the page is right, not because
// the driver looked away.
import { expect, it } from 'vitest';
import { describeInEngines } from './engineSuite.ts';

describeInEngines('the engine-neutral driver', (engine, name) => {
  it('opens the app at the inner size asked for, evaluates, reads text and clicks', async () => {
    const tab = await engine().open('?n=30&b=10', { width: 1200, height: 700 });
    expect(await tab.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([1200, 700]);
    expect(await tab.evaluate((x: number) => Promise.resolve(x * 2), 21)).toBe(42);
    expect(await tab.text('[data-testid="status-line"]')).toMatch(/step/i);
    await tab.click('[data-testid="step"]');
    await tab.waitFor(() => document.querySelector('[data-testid="status-step"]')?.getAttribute('data-value') === '1');
    expect(await tab.errors()).toEqual([]);
  });

  it('reports console errors, uncaught errors and unhandled rejections of the page', async () => {
    const tab = await engine().open();
    await tab.evaluate(() => {
      console.error('said on purpose');
      setTimeout(() => {
        throw new Error('thrown on purpose');
      });
      void Promise.reject(new Error('rejected on purpose'));
    });
    await tab.waitFor(() => new Promise((resolve) => setTimeout(() => resolve(true), 100)));
    const errors = (await tab.errors()).join('\n');
    expect(errors).toContain('said on purpose');
    expect(errors).toContain('thrown on purpose');
    expect(errors).toContain('rejected on purpose');
  });

  it('a wait that is never met fails, naming what it waited for', async () => {
    const tab = await engine().open();
    await expect(tab.waitFor(() => false, undefined, { timeout: 300, message: 'the impossible' })).rejects.toThrow(`${name}: timed out after 300 ms waiting for the impossible`);
  });
});
