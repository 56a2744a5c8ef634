import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Notice, NOTICE_ALL_UP_TO, NOTICE_SHOWN } from '../../src/ui/Notice.tsx';
import type { Problem } from '../../src/core/parseSettings.ts';

function problems(count: number): Problem[] {
  return Array.from({ length: count }, (_, i) => ({ key: '', message: `problem ${i + 1}` }));
}

function render(list: Problem[]): string {
  return renderToStaticMarkup(<Notice title="Some parts of this link were not used:" problems={list} onDismiss={() => {}} />);
}

describe('Notice', () => {
  it('lists every problem when there are only a few, with no "more" button', () => {
    const html = render(problems(NOTICE_ALL_UP_TO));
    expect(html.match(/<li>/g)).toHaveLength(NOTICE_ALL_UP_TO);
    expect(html).toContain(`problem ${NOTICE_ALL_UP_TO}`);
    expect(html).not.toContain('notice-more');
    expect(render(problems(NOTICE_ALL_UP_TO + 1))).toContain(`and ${NOTICE_ALL_UP_TO + 1 - NOTICE_SHOWN} more`);
    expect(html).toContain('role="alert"');
  });

  it('lists a handful of thousands, then "and N more", collapsed', () => {
    const html = render(problems(4000));
    expect(html.match(/<li>/g)).toHaveLength(NOTICE_SHOWN);
    expect(html).toContain(`problem ${NOTICE_SHOWN}</li>`);
    expect(html).not.toContain(`problem ${NOTICE_SHOWN + 1}<`);
    const more = /<button type="button" class="notice-more" data-testid="notice-more" aria-expanded="false" aria-controls="([^"]+)">and 3,995 more<\/button>/.exec(html);
    expect(more).not.toBeNull();
    expect(html).toContain(`<ul id="${more?.[1]}" class="notice-list"`);
  });

  it('shows nothing without problems, and problems as text, never markup', () => {
    expect(render([])).toBe('');
    expect(render([{ key: 'x', message: '<img src=x onerror=alert(1)>' }])).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
