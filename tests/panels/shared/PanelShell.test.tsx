import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { PanelShell } from '../../../src/panels/shared/PanelShell.tsx';
import { Legend, LegendSwatch, SwatchDot, SwatchLine } from '../../../src/panels/shared/LegendSwatch.tsx';

describe('panel shell', () => {
  it('names the figure by its title and stacks the layers in the plot box', () => {
    const html = renderToStaticMarkup(
      <PanelShell className="demo-panel" testId="demo" title="Demo chart" legend={<Legend>{null}</Legend>} plotRef={null} plotProps={{ tabIndex: 0, role: 'group' }}>
        <canvas />
      </PanelShell>,
    );
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<span class="panel-title" id="${labelledBy}">Demo chart</span>`);
    expect(html).toMatch(/^<figure class="panel demo-panel" data-testid="demo"/);
    expect(html).toContain('<div class="panel-plot" tabindex="0" role="group"><canvas></canvas></div>');
    expect(html).not.toContain('panel-caption');
  });

  it('uses the id it is given and shows a caption only when there is one', () => {
    const html = renderToStaticMarkup(
      <PanelShell className="demo-panel" testId="demo" title="T" uid="abc" plotRef={null} caption="hello" captionProps={{ 'data-testid': 'cap' }}>
        {null}
      </PanelShell>,
    );
    expect(html).toContain('aria-labelledby="abc-title"');
    expect(html).toContain('<div class="panel-caption" data-testid="cap">hello</div>');
  });
});

describe('legend swatch', () => {
  it('draws a line and a dot with the style numbers it is given', () => {
    const html = renderToStaticMarkup(
      <LegendSwatch width={18} height={8} marks={<><SwatchLine x1={1} x2={17} y1={4} color="#123" stroke={{ width: 1.25, dash: [5, 4], alpha: 0.5 }} /><SwatchDot cx={5} cy={5} dot={{ radius: 3.2, strokeWidth: 0.75 }} fill="#fff" stroke="#000" /></>}>
        label
      </LegendSwatch>,
    );
    expect(html).toBe(
      '<li><svg width="18" height="8" aria-hidden="true">' +
        '<line x1="1" x2="17" y1="4" y2="4" stroke="#123" stroke-width="1.25" stroke-dasharray="5 4" opacity="0.5"></line>' +
        '<circle cx="5" cy="5" r="3.2" fill="#fff" stroke="#000" stroke-width="0.75"></circle></svg>label</li>',
    );
  });
});
