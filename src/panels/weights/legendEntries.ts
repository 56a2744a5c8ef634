// The weight space's legend entries, drawn from style.ts, the values the
// chart's marks are drawn with: what its marks mean (WeightLegend on the page,
// and the exports), and each run's entry (the exports only).
import { formatValue } from '../shared/format.ts';
import type { LegendEntry } from '../shared/markStyle.ts';
import { WEIGHT_STYLE, type WeightStyle } from './style.ts';
import type { RunPath } from './weightScene.ts';

/** A run's entry: its path's stroke in its colour, and its name. */
export function weightRunEntries(paths: readonly RunPath[], style: WeightStyle = WEIGHT_STYLE): LegendEntry[] {
  return paths.map(({ run }) => ({
    label: run.name,
    runColor: run.color,
    width: 22,
    height: 10,
    marks: [{ kind: 'line', x1: 1, x2: 21, y1: 5, y2: 5, color: run.color, stroke: style.path.primary }],
  }));
}

/** What the marks mean, on the page (WeightLegend) and in the exports; the valley and restart entries only when the plot shows them. */
export function weightLegendEntries(product: number | null, hasRestart: boolean, style: WeightStyle = WEIGHT_STYLE): LegendEntry[] {
  const { ink, paper, legend } = style;
  const { start } = legend;
  const epochEnd = { ...style.epochEnd, ...legend.epochEnd };
  const entries: LegendEntry[] = [
    { label: 'start', width: 10, height: 10, marks: [{ kind: 'rect', x: 1, y: 1, width: start.side, height: start.side, fill: paper, stroke: ink, strokeWidth: start.strokeWidth }] },
    {
      label: 'path, shade alternates per epoch',
      width: 22,
      height: 8,
      marks: [
        { kind: 'line', x1: 1, x2: 11, y1: 4, y2: 4, color: ink, stroke: style.path.primary },
        { kind: 'line', x1: 11, x2: 21, y1: 4, y2: 4, color: legend.lighterPath, stroke: style.path.primary },
      ],
    },
    {
      label: 'end of epoch 3',
      width: 16,
      height: 16,
      marks: [
        { kind: 'dot', cx: 8, cy: 8, dot: epochEnd, fill: paper, stroke: ink },
        { kind: 'text', x: 8, y: 11, text: '3', fontSize: epochEnd.fontSize, fontWeight: epochEnd.fontWeight, fill: ink },
      ],
    },
    { label: 'now', width: 12, height: 12, marks: [{ kind: 'dot', cx: 6, cy: 6, dot: { radius: style.now.radius, strokeWidth: legend.nowStrokeWidth }, fill: ink, stroke: paper }] },
  ];
  if (product !== null) {
    entries.push({ label: `valley of best fits w1·w2 = ${formatValue(product)}`, width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: ink, stroke: { width: style.valley.width, dash: legend.valleyDash } }] });
  }
  if (hasRestart) {
    entries.push({ label: 'restart jump', width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: ink, stroke: { width: style.jump.width, dash: legend.jumpDash } }] });
  }
  return entries;
}
