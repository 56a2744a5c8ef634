import { describe, expect, it } from 'vitest';
import { lossExport } from '../../../src/panels/loss/lossExport.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor, startValLossFor } from '../../../src/panels/shared/dataCache.ts';
import { VAL_CURVE_LABEL, VAL_LOSS_LABEL } from '../../../src/panels/loss/legendEntries.ts';
import { layoutExport } from '../../../src/panels/shared/exportLayout.ts';
import { composeChartSvg } from '../../../src/panels/shared/exportSvg.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { trainedRun } from '../runFixture.ts';
import { frameOrigin, mapped, svgLegend, svgPaths, svgTexts } from '../shared/svgExport.ts';

const SCREEN = { width: 505, height: 284 };

function named(run: RunView, name: string, color: string): RunView {
  return { ...run, name, color };
}

/** A two-run comparison of batch sizes, a few epochs in. */
function comparison(): RunView[] {
  return [named(trainedRun({ n: 60, b: 10, epochs: 4 }, 18, 'a'), 'b = 10', '#0072B2'), named(trainedRun({ n: 60, b: 30, epochs: 4 }, 6, 'b'), 'b = 30', '#D55E00')];
}

function exported(runs: RunView[], yScale: 'linear' | 'log' = 'linear') {
  const pieces = lossExport({ runs, options: { xAxis: 'epochs', yScale, smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) }, screen: SCREEN });
  const layout = layoutExport(pieces);
  return { pieces, layout, svg: composeChartSvg(pieces, layout) };
}

describe('the loss chart as SVG', () => {
  it('has the chart title, both axis titles and tick labels', () => {
    const { svg, layout } = exported(comparison());
    const texts = svgTexts(svg);
    expect(texts).toContain('Loss per epoch');
    expect(texts).toContain('epochs (passes over the data)');
    expect(texts).toContain('loss (MSE)');
    // Every labelled tick is printed, at least three on each axis.
    const labels = [...layout.xTicks, ...layout.yTicks].filter((t) => t.label).map((t) => t.label);
    expect(layout.xTicks.filter((t) => t.label).length).toBeGreaterThanOrEqual(3);
    expect(layout.yTicks.filter((t) => t.label).length).toBeGreaterThanOrEqual(3);
    for (const label of labels) expect(texts).toContain(label);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox=/);
  });

  it('names every run in the legend in its colour, before what the marks mean', () => {
    const runs = comparison();
    const legend = svgLegend(exported(runs).svg);
    expect(legend.slice(0, 2).map((e) => [e.label, e.runColor])).toEqual(runs.map((r) => [r.name, r.color]));
    for (const [i, run] of runs.entries()) expect(legend[i].marks).toContain(`stroke="${run.color}" stroke-width="${LOSS_STYLE.full.raw.width}"`);
    expect(legend.map((e) => e.label)).toEqual(expect.arrayContaining(['full-data loss', 'mini-batch loss', 'full loss at epoch end', 'epoch end']));
  });

  it("draws each run's full-data loss as a path through its own numbers mapped by the frame's scales", () => {
    const runs = comparison();
    const { svg, layout, pieces } = exported(runs);
    const paths = svgPaths(svg);
    expect(frameOrigin(svg)).toEqual([...layout.origin]);
    for (const run of runs) {
      const full = paths.filter((p) => p.attributes.stroke === run.color && p.attributes['stroke-width'] === String(LOSS_STYLE.full.raw.width) && !p.attributes['stroke-opacity']);
      expect(full).toHaveLength(1);
      // Step 0 (the start loss), then every step: x in epochs, y the full loss.
      const perEpoch = run.schedule.stepsPerEpoch;
      const expected = [mapped(layout.frame, 0, startLossFor(run.settings))];
      for (let i = 0; i < run.lossSeries.length; i++) expected.push(mapped(layout.frame, run.lossSeries.step[i] / perEpoch, run.lossSeries.loss[i]));
      expect(full[0].points).toEqual(expected);
    }
    // The frame is the chart's own: its x-domain spans the runs' epochs, and its plot box is the screen's.
    expect(layout.frame.x.domain()[1]).toBeCloseTo(18 / runs[0].schedule.stepsPerEpoch, 9);
    const [x0, x1] = layout.frame.x.range();
    expect(x1 - x0).toBe(pieces.plot.width);
  });

  it('draws the validation loss per step as a dashed path in the run’s colour through its own numbers, named in the legend; none without a validation set', () => {
    const run = named(trainedRun({ n: 60, b: 10, epochs: 4, val: 0.2 }, 18, 'v'), 'val run', '#0072B2');
    const pieces = lossExport({ runs: [run], options: { xAxis: 'epochs', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) }, screen: SCREEN });
    const layout = layoutExport(pieces);
    const svg = composeChartSvg(pieces, layout);
    const dashed = svgPaths(svg).filter((p) => p.attributes['stroke-dasharray'] === LOSS_STYLE.val.dash!.join(' '));
    expect(dashed).toHaveLength(1);
    expect(dashed[0].attributes.stroke).toBe(run.color);
    expect(dashed[0].attributes['stroke-width']).toBe(String(LOSS_STYLE.val.width));
    const perEpoch = run.schedule.stepsPerEpoch;
    const expected = [mapped(layout.frame, 0, startValLossFor(run.settings))];
    for (let i = 0; i < run.valLossSeries!.length; i++) expected.push(mapped(layout.frame, run.valLossSeries!.step[i] / perEpoch, run.valLossSeries!.valLoss[i]));
    expect(dashed[0].points).toEqual(expected);
    expect(svgLegend(svg).map((e) => e.label)).toEqual(expect.arrayContaining([VAL_CURVE_LABEL, VAL_LOSS_LABEL]));
    const plain = exported(comparison()).svg;
    expect(svgPaths(plain).some((p) => p.attributes['stroke-dasharray'])).toBe(false);
    expect(svgLegend(plain).map((e) => e.label)).not.toContain(VAL_CURVE_LABEL);
  });

  it('keeps a long run to a sane size: its series thinned to a few points per pixel column', () => {
    const long = named(trainedRun({ n: 2000, b: 1, epochs: 2 }, 4000, 'long'), 'b = 1', '#0072B2');
    const { svg, pieces } = exported([long], 'log');
    const full = svgPaths(svg).find((p) => p.attributes.stroke === long.color && p.attributes['stroke-width'] === '2' && !p.attributes['stroke-opacity'])!;
    expect(long.lossSeries.length).toBe(4000);
    expect(full.points.length).toBeLessThanOrEqual(4 * (pieces.plot.width + 1));
    expect(full.points.length).toBeGreaterThan(pieces.plot.width);
    expect(svg.length).toBeLessThan(400_000);
    expect(svgTexts(svg)).toContain('loss (MSE, log scale)');
  });

  it('still exports a chart with no visible run: title, axes and the marks legend, no run entry', () => {
    const hidden = comparison().map((r) => ({ ...r, visible: false }));
    const { svg, layout } = exported(hidden);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Loss per epoch', 'loss (MSE)']));
    expect(svgLegend(svg).filter((e) => e.runColor)).toEqual([]);
    expect(svgLegend(svg).map((e) => e.label)).toContain('full-data loss');
    expect(Number.isFinite(layout.width) && Number.isFinite(layout.height)).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
