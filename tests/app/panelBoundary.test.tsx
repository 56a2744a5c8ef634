import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { PanelBoundary } from '../../src/app/PanelBoundary.tsx';
import { setup } from '../store/labHarness.ts';

// Server rendering runs no error boundaries, so the boundary's two halves are driven by hand.
describe('PanelBoundary', () => {
  it('draws its children until something throws, then says what failed and offers export and reload', () => {
    const t = setup();
    const boundary = new PanelBoundary({ store: t.store, children: <p>charts</p> });
    expect(renderToStaticMarkup(<>{boundary.render()}</>)).toBe('<p>charts</p>');
    boundary.state = { ...boundary.state, ...PanelBoundary.getDerivedStateFromError(new TypeError("cannot read 'length' of undefined")) };
    const html = renderToStaticMarkup(<>{boundary.render()}</>);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The charts failed to draw (TypeError: cannot read &#x27;length&#x27; of undefined)');
    expect(html).toContain('Export JSON');
    expect(html).toContain('Reload the charts');
    expect(html).not.toContain('<p>charts</p>');
    // The store is not the boundary's to touch: the runs are there to export.
    expect(t.state.runs).toHaveLength(1);
    expect(t.state.error).toBeNull();
  });
});
