// A hostile link's notice stays small in every engine: a link of 3,999 empty
// parameters (just under the length limit) made a 60,000 px notice above the
// charts; now a handful of problems and "and N more" keep the charts on the
// first screen, expanded or not.
import { expect, it } from 'vitest';
import { NOTICE_SHOWN } from '../../src/ui/Notice.tsx';
import { MAX_QUERY_LENGTH, parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { describeInEngines } from './engineSuite.ts';

const HOSTILE = '?' + '=&'.repeat(3999);

/** In the page: the notice's items and height, and where the loss chart starts, against the window's height. */
function layout() {
  const notice = document.querySelector('[data-testid="notice"]')!.getBoundingClientRect();
  return {
    items: document.querySelectorAll('[data-testid="notice-list"] li').length,
    more: document.querySelector('[data-testid="notice-more"]')?.textContent ?? '',
    noticeHeight: notice.height,
    chartTop: document.querySelector('[data-testid="loss-panel"]')!.getBoundingClientRect().top + window.scrollY,
    screen: window.innerHeight,
  };
}

describeInEngines('the notice about a link', (engine) => {
  it('lists a handful of 3,999 problems, expands the rest in place, and keeps the charts on the first screen', async () => {
    expect(HOSTILE.length).toBeLessThan(MAX_QUERY_LENGTH);
    const total = parseExperimentQuery(HOSTILE).problems.length;
    expect(total).toBeGreaterThanOrEqual(3999);
    const tab = await engine().open(HOSTILE);
    await tab.waitFor(() => document.querySelector('[data-testid="loss-panel"]') !== null && document.querySelector('[data-testid="notice"]') !== null);

    const collapsed = await tab.evaluate(layout);
    expect(collapsed.items).toBe(NOTICE_SHOWN);
    expect(collapsed.more).toBe(`and ${(total - NOTICE_SHOWN).toLocaleString('en-US')} more`);
    expect(collapsed.chartTop).toBeLessThan(collapsed.screen / 2);

    await tab.click('[data-testid="notice-more"]');
    await tab.waitFor((n) => document.querySelectorAll('[data-testid="notice-list"] li').length === n, total);
    const expanded = await tab.evaluate(layout);
    expect(expanded.more).toBe('Show fewer');
    expect(expanded.noticeHeight).toBeLessThan(expanded.screen / 3);
    expect(expanded.chartTop).toBeLessThan(expanded.screen / 2);
    expect(await tab.errors()).toEqual([]);
  });
});
