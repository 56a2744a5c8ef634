import { describe, expect, it } from 'vitest';
import { estimateText, EXPORT_PLOT, exportPlotSize, EXPORT_TEXT, layoutExport, wrapLabel } from '../../../src/panels/shared/exportLayout.ts';
import type { ChartPieces, LegendEntry } from '../../../src/panels/shared/exportTypes.ts';
import { makeFrame } from '../../../src/panels/shared/plotFrame.ts';

const entry = (label: string, runColor?: string): LegendEntry => ({ label, runColor, width: 18, height: 8, marks: [] });

function pieces(legend: LegendEntry[], format = (v: number) => String(v)): ChartPieces {
  return {
    title: 'A chart',
    screen: { width: 400, height: 250 },
    plot: { width: 340, height: 200 },
    frame: (margin, width, height) => makeFrame(margin, width, height, { domain: [0, 100_000] }, { domain: [0, 1] }),
    axes: () => ({ titles: ['x', 'y'], xTickCount: 20, yTickCount: 10, xFormat: format, yFormat: (v) => v.toFixed(1) }),
    layers: () => [],
    legend,
  };
}

describe('the export layout', () => {
  it('keeps the plot box the screen\'s and the margins wide enough for the y labels', () => {
    const layout = layoutExport(pieces([]));
    const [x0, x1] = layout.frame.x.range();
    const [y0, y1] = layout.frame.y.range();
    expect([x1 - x0, y0 - y1]).toEqual([340, 200]);
    const widest = Math.max(...layout.yTicks.map((t) => estimateText(t.label, EXPORT_TEXT.tick.size)));
    expect(x0 - EXPORT_TEXT.tick.length - EXPORT_TEXT.tick.gap - widest).toBeGreaterThan(layout.yTitleCentre + EXPORT_TEXT.axisTitle.size / 2);
  });

  it('never lets two x tick labels touch: crowded ones lose their label, not their tick', () => {
    const layout = layoutExport(pieces([], (v) => `${v.toLocaleString('en-US')} steps`));
    const labelled = layout.xTicks.filter((t) => t.label);
    expect(layout.xTicks.length).toBeGreaterThan(labelled.length);
    expect(labelled.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < labelled.length; i++) {
      const gap = labelled[i].at - labelled[i - 1].at - (estimateText(labelled[i].label, EXPORT_TEXT.tick.size) + estimateText(labelled[i - 1].label, EXPORT_TEXT.tick.size)) / 2;
      expect(gap).toBeGreaterThanOrEqual(EXPORT_TEXT.labelGap);
    }
  });

  it('puts the runs on rows of their own, then wraps the marks inside the picture', () => {
    const marks = Array.from({ length: 8 }, (_, i) => entry(`what mark number ${i} means on this chart`));
    const layout = layoutExport(pieces([entry('run one', '#0072B2'), entry('run two', '#D55E00'), ...marks]));
    const [one, two, ...rest] = layout.legend;
    expect(one.y).toBe(two.y);
    expect(rest[0].y).toBeGreaterThan(one.y);
    expect(rest[0].x).toBe(EXPORT_TEXT.pad);
    for (const placed of layout.legend) {
      const right = placed.x + placed.entry.width + EXPORT_TEXT.legend.swatchGap + Math.max(...placed.lines.map((l) => estimateText(l, EXPORT_TEXT.legend.size)));
      expect(right).toBeLessThanOrEqual(layout.width - EXPORT_TEXT.pad + 0.5);
      expect(placed.y + placed.height).toBeLessThanOrEqual(layout.height - EXPORT_TEXT.pad);
    }
    expect(layout.legend[0].y).toBeGreaterThan(layout.origin[1] + layout.frame.height);
  });

  it('breaks a label too long for the picture at spaces', () => {
    const lines = wrapLabel('a very long label that cannot fit on one line of a small chart', 120, estimateText, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateText(line, 12)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe('a very long label that cannot fit on one line of a small chart');
  });

  it("keeps a laptop's plot box, and makes a phone's readable: in proportion when the aspect must stay", () => {
    expect(exportPlotSize(491, 240)).toEqual({ width: 491, height: 240 });
    expect(exportPlotSize(491, 240, true)).toEqual({ width: 491, height: 240 });
    const phone = exportPlotSize(220, 150, true);
    expect(phone.width).toBe(EXPORT_PLOT.minWidth);
    expect(phone.width / phone.height).toBeCloseTo(220 / 150, 12);
    // A box squeezed to a sliver: a free one gets the least readable size, a proportional one grows no taller than a slide takes.
    expect(exportPlotSize(17, 90)).toEqual({ width: EXPORT_PLOT.minWidth, height: EXPORT_PLOT.minHeight });
    expect(exportPlotSize(17, 300, true).height).toBeLessThanOrEqual(EXPORT_PLOT.maxHeight);
  });
});
