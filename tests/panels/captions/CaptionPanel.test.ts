import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CaptionPanel } from '../../../src/panels/captions/CaptionPanel.tsx';
import { captionFor } from '../../../src/panels/captions/captionFor.ts';
import { captionInput } from './captionFixture.ts';

function render(input: Parameters<typeof CaptionPanel>[0]['input']): string {
  return renderToStaticMarkup(createElement(CaptionPanel, { input }));
}

describe('CaptionPanel', () => {
  it('is a labelled polite, atomic live region holding the caption in one paragraph', () => {
    const input = captionInput({ rows: [{ loss: 0.5, w: [0.2, 1.6] }], orderHead: [4, 90, 12] });
    const html = render(input);
    expect(html).toMatch(/^<section [^>]*aria-live="polite"/);
    expect(html).toContain('aria-atomic="true"');
    expect(html).toContain('data-testid="caption"');
    expect(html).toContain('aria-label="What just happened"');
    expect(html).toContain(`<p>${captionFor(input).join(' ')}</p>`);
  });

  it('asks for a run when there is none', () => {
    expect(render(null)).toContain('<p>Start a run to see, after each epoch, what it did.</p>');
  });
});
