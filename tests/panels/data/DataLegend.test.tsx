import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DataLegend } from '../../../src/panels/data/DataLegend.tsx';
import { DATA_STYLE, type DataStyle } from '../../../src/panels/data/style.ts';
import { legendMarks } from '../shared/legendMarkup.ts';

const changed: DataStyle = { ...DATA_STYLE, fit: { width: 3 }, bestFit: { width: 2, dash: [6, 2] }, batch: { ...DATA_STYLE.batch, plane: { radius: 5, strokeWidth: 2 } } };

describe('data legend', () => {
  for (const [name, style] of [
    ['the chart style', DATA_STYLE],
    ['a changed style', changed],
  ] as const) {
    it(`draws the fit lines and the batch ring as the chart does, with ${name}`, () => {
      const line = legendMarks(renderToStaticMarkup(<DataLegend plane={false} color="#1f77b4" formula="ŷ = 1·x + 0" style={style} />));
      const [fit] = line.get('current fit ŷ = 1·x + 0')!;
      expect(Number(fit['stroke-width'])).toBe(style.fit.width);
      expect(fit.stroke).toBe('#1f77b4');
      const [best] = line.get('best fit')!;
      expect(Number(best['stroke-width'])).toBe(style.bestFit.width);
      expect(best['stroke-dasharray']).toBe(style.bestFit.dash!.join(' '));
      const plane = legendMarks(renderToStaticMarkup(<DataLegend plane color="#1f77b4" formula="" style={style} />));
      const [ring] = plane.get('current mini-batch (large, outlined)')!;
      expect(Number(ring['stroke-width'])).toBe(style.batch.plane.strokeWidth);
    });
  }

  it('keeps room in the fit entry for a longer formula, so the legend does not rewrap as the fit moves', () => {
    const html = renderToStaticMarkup(<DataLegend plane={false} color="#1f77b4" formula="ŷ = 1·x + 0" />);
    const fit = /<li><svg[^>]*><line[^>]*><\/line><\/svg>(<span class="legend-reserved">.*?)<\/li>/.exec(html)?.[1];
    expect(fit).toBe('<span class="legend-reserved"><span>current fit ŷ = 1·x + 0</span><span class="legend-unseen" aria-hidden="true">current fit ŷ = −0.0888·x − 0.0888</span></span>');
  });

  it('shows the residual colours of the chart at its ends and middle on plane data', () => {
    const marks = legendMarks(renderToStaticMarkup(<DataLegend plane color="#1f77b4" formula="" />));
    const colours = marks.get('residual y − ŷ: below / on / above the fit')!.map((m) => m.fill);
    const c = DATA_STYLE.residualColors;
    expect(colours).toEqual([c[0], c[(c.length - 1) / 2], c[c.length - 1]]);
  });
});
