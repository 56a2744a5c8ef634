import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { BatchSizeSlider } from '../../src/ui/BatchSizeSlider.tsx';

describe('batch size slider', () => {
  it('reads out batch sizes grouped like every count on the page', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, n: 100_000, b: 2048 };
    const html = renderToStaticMarkup(<BatchSizeSlider settings={settings} onChange={() => {}} />);
    expect(html).toContain('aria-valuetext="batch size 2,048"');
    expect(html).toContain('aria-label="batch size n (100,000)"');
  });
});
