import { describe, expect, it } from 'vitest';
import { fullLoss } from '../../../src/core/index.ts';
import { layoutExport } from '../../../src/panels/shared/exportLayout.ts';
import { composeChartSvg } from '../../../src/panels/shared/exportSvg.ts';
import { statsFor } from '../../../src/panels/shared/dataCache.ts';
import { plainColor } from '../../../src/panels/shared/svgContext.ts';
import { lighter, WEIGHT_STYLE } from '../../../src/panels/weights/style.ts';
import { fitEqualAspect } from '../../../src/panels/weights/weightDomain.ts';
import { weightExport } from '../../../src/panels/weights/weightExport.ts';
import { weightPlotSize } from '../../../src/panels/weights/weightFrame.ts';
import { runPaths, sceneBounds, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import { computeSurface } from '../../../src/panels/weights/weightSurface.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { trainedRun } from '../runFixture.ts';
import { mapped, svgLegend, svgPaths, svgTexts } from '../shared/svgExport.ts';

const SCREEN = { width: 560, height: 300 };

function comparison(overrides = {}): RunView[] {
  return [
    { ...trainedRun({ n: 60, b: 10, epochs: 4, ...overrides }, 18, 'a'), name: 'b=10', color: '#0072B2' },
    { ...trainedRun({ n: 60, b: 30, epochs: 4, ...overrides }, 6, 'b'), name: 'b=30', color: '#D55E00' },
  ];
}

function exported(runs: RunView[], screen = SCREEN) {
  const { stats, optimum } = statsFor(runs[0].settings);
  const model = runs[0].settings.model;
  const [plotW, plotH] = weightPlotSize(screen.width, screen.height);
  const paths = runPaths(runs, new TrajectoryCache());
  const view = fitEqualAspect(sceneBounds(paths, optimum.w, () => (w1, w2) => fullLoss(stats, model, w1, w2)), plotW, plotH, 0.1, 0.5);
  const surface = computeSurface(stats, model, optimum.loss, view);
  const product = model === 'deep' ? (optimum.product ?? null) : null;
  const pieces = weightExport({ runs, primary: runs[0], optimum: optimum.w, product, view, surface, screen });
  const layout = layoutExport(pieces);
  return { pieces, layout, paths, view, svg: composeChartSvg(pieces, layout) };
}

describe('the weight space as SVG', () => {
  it('has the title, the axis titles and a legend naming every run in its colour', () => {
    const runs = comparison();
    const { svg } = exported(runs);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['Weight space: full-data loss over (w1, w2)', 'w1 (slope)', 'w2 (intercept)']));
    const legend = svgLegend(svg);
    expect(legend.slice(0, 2).map((e) => [e.label, e.runColor])).toEqual([
      ['b=10', '#0072B2'],
      ['b=30', '#D55E00'],
    ]);
    expect(legend[0].marks).toContain(`stroke="#0072B2" stroke-width="${WEIGHT_STYLE.path.primary.width}"`);
    expect(legend.map((e) => e.label)).toEqual(expect.arrayContaining(['start', 'path, shade alternates per epoch', 'end of epoch 3', 'now']));
    // The last line says how to read the contours, as the page's caption does.
    expect(legend[legend.length - 1]).toMatchObject({ label: 'Contours: full-data loss; lighter = lower loss.', runColor: undefined, marks: '' });
  });

  it("draws each run's path through its own weights mapped by the frame's scales, in its two shades as plain colours", () => {
    const runs = comparison();
    const { svg, layout, paths } = exported(runs);
    const drawn = svgPaths(svg);
    for (const { run, trajectory } of paths) {
      const shades = [run.color, plainColor(lighter(run.color))];
      const strokes = drawn.filter((p) => shades.includes(p.attributes.stroke) && p.attributes.fill === 'none' && !p.attributes['stroke-dasharray']);
      expect(strokes.map((p) => p.attributes.stroke).sort()).toEqual([...shades].sort());
      const rows = new Set(Array.from({ length: trajectory.length }, (_, i) => mapped(layout.frame, trajectory.w1[i], trajectory.w2[i]).join(',')));
      const points = strokes.flatMap((p) => p.points);
      for (const p of points) expect(rows.has(p.join(','))).toBe(true);
      // The path runs from the start to where the run is now.
      expect(points.map((p) => p.join(','))).toContain(mapped(layout.frame, run.settings.w0[0], run.settings.w0[1]).join(','));
      expect(points.map((p) => p.join(','))).toContain(mapped(layout.frame, run.cursor.w1, run.cursor.w2).join(','));
    }
    expect(svg).not.toContain('color-mix');
  });

  it.each([
    ['a laptop', SCREEN],
    ['a phone, grown', { width: 300, height: 240 }],
  ])('keeps the equal aspect of the screen on %s: a unit of w1 and of w2 are the same length', (_, screen) => {
    const { layout, view, pieces } = exported(comparison(), screen);
    expect(pieces.plot.width).toBeGreaterThanOrEqual(Math.min(440, weightPlotSize(SCREEN.width, SCREEN.height)[0]));
    const [x0, x1] = layout.frame.x.range();
    const [y0, y1] = layout.frame.y.range();
    expect(x1 - x0).toBeCloseTo(pieces.plot.width, 9);
    expect(y0 - y1).toBeCloseTo(pieces.plot.height, 9);
    expect((x1 - x0) / (view.w1[1] - view.w1[0])).toBeCloseTo((y0 - y1) / (view.w2[1] - view.w2[0]), 9);
  });

  it('names the valley of the deep model in the legend', () => {
    const runs = comparison({ model: 'deep', w0: [2, -0.5] });
    const labels = svgLegend(exported(runs).svg).map((e) => e.label);
    expect(labels.some((l) => l.startsWith('valley of best fits w1·w2 ='))).toBe(true);
    expect(svgTexts(exported(runs).svg)).toContain('w1 (first layer)');
  });
});
