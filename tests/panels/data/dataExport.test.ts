import { describe, expect, it } from 'vitest';
import { predict } from '../../../src/core/index.ts';
import { dataExport } from '../../../src/panels/data/dataExport.ts';
import { fitFormula } from '../../../src/panels/data/dataText.ts';
import { batchShapes, dataExtents, fitLines, scatterShapes, type Fit } from '../../../src/panels/data/scatterLayout.ts';
import { DATA_STYLE } from '../../../src/panels/data/style.ts';
import { datasetFor, statsFor } from '../../../src/panels/shared/dataCache.ts';
import { layoutExport } from '../../../src/panels/shared/exportLayout.ts';
import { composeChartSvg } from '../../../src/panels/shared/exportSvg.ts';
import { trainedRun } from '../runFixture.ts';
import { svgLegend, svgPaths, svgTexts } from '../shared/svgExport.ts';

const SCREEN = { width: 360, height: 220 };
const bins = DATA_STYLE.residualColors.length;

/** The pieces as DataPanel hands them over for a run 25 steps in. */
function exported(overrides = {}) {
  const run = { ...trainedRun({ n: 60, ...overrides }, 25), name: 'b=10', color: '#0072B2' };
  const data = datasetFor(run.settings);
  const plane = run.settings.data === 'plane';
  const extents = dataExtents(data, plane);
  const fit: Fit = { model: run.settings.model, w1: run.cursor.w1, w2: run.cursor.w2 };
  const optimum = statsFor(run.settings).optimum;
  const best: Fit = { model: fit.model, w1: optimum.w[0], w2: optimum.w[1] };
  const pieces = dataExport({
    title: 'Training data (n = 60)',
    run: { name: run.name, color: run.color },
    formula: fitFormula(fit),
    caption: 'batch 3 of 6 · 10 examples highlighted',
    plane,
    titles: plane ? ['x1', 'x2'] : ['x (input)', 'y (label)'],
    extents,
    scatter: scatterShapes(data, plane, fit, extents.range, bins),
    overlay: {
      fit: { lines: fitLines(plane, fit, best, extents.x), color: run.color },
      batch: { ...batchShapes(data, plane, fit, run.cursor.batch, extents.range, bins), color: run.color },
    },
    screen: SCREEN,
  });
  const layout = layoutExport(pieces);
  return { run, data, fit, layout, svg: composeChartSvg(pieces, layout) };
}

describe('the data panel as SVG', () => {
  it('has the title, the axis titles, and a legend naming the run shown with its fit, in its colour', () => {
    const { svg, run, fit } = exported();
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Training data (n = 60)', 'x (input)', 'y (label)']));
    const [first, ...rest] = svgLegend(svg);
    expect(first).toMatchObject({ label: `b=10: current fit ${fitFormula(fit)}`, runColor: run.color });
    expect(first.marks).toContain(`stroke="${run.color}" stroke-width="${DATA_STYLE.fit.width}"`);
    expect(rest.map((e) => e.label)).toEqual(['current mini-batch', 'best fit', 'batch 3 of 6 · 10 examples highlighted']);
  });

  it('draws every example as a dot at its pixel, and the fit through what the model predicts', () => {
    const { svg, run, data, fit, layout } = exported();
    const paths = svgPaths(svg);
    const cloud = paths.find((p) => p.attributes.fill === DATA_STYLE.dotColor)!;
    // Each dot starts at its rightmost point, (x + r, y).
    const r = DATA_STYLE.cloud[0].radius;
    expect(cloud.points).toHaveLength(data.n);
    cloud.points.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(layout.frame.x(data.x1[i]) + r, 1);
      expect(y).toBeCloseTo(layout.frame.y(data.y[i]), 1);
    });
    const line = paths.find((p) => p.attributes.stroke === run.color && p.attributes['stroke-width'] === String(DATA_STYLE.fit.width))!;
    for (const [px, py] of line.points) expect(py).toBeCloseTo(layout.frame.y(predict(fit.model, fit.w1, fit.w2, layout.frame.x.invert(px), 1)), 1);
    expect(paths.filter((p) => p.attributes.stroke === DATA_STYLE.ink && p.attributes['stroke-dasharray'] === DATA_STYLE.bestFit.dash!.join(' '))).toHaveLength(1);
  });

  it('on plane data names the run and explains the residual colours instead of fit lines', () => {
    const { svg } = exported({ data: 'plane' });
    expect(svgLegend(svg).map((e) => [e.label, e.runColor])).toEqual([
      ['data, fit and mini-batch of b=10', '#0072B2'],
      ['current mini-batch (large, outlined)', undefined],
      ['residual y − ŷ: below / on / above the fit', undefined],
      ['batch 3 of 6 · 10 examples highlighted', undefined],
    ]);
    expect(svg).toContain('fill="#0072B2">data, fit and mini-batch of b=10</text>');
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['x1', 'x2']));
  });
});
