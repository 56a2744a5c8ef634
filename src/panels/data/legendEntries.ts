// The data panel's legend entries, drawn from style.ts: the mini-batch, and
// either the fit lines (line data) or the residual colours (plane data), for
// DataLegend on the page and for the exports, which also name the run shown.
import type { LegendEntry } from '../shared/markStyle.ts';
import { DATA_STYLE, type DataStyle } from './style.ts';

export interface DataLegendInput {
  readonly plane: boolean;
  /** The run's colour. */
  readonly color: string;
  /** The current fit as a formula, or '' without a run. */
  readonly formula: string;
  /** The run's name, which an export names first, in its colour (the page has its runs list). */
  readonly run?: string;
}

/**
 * As long as the fit's formula usually grows (four significant figures'
 * width, both signs negative): the legend keeps room for it, so a formula
 * that lengthens as the fit moves does not rewrap the legend mid-run.
 */
const TYPICAL_LONG_FORMULA = 'ŷ = −0.0888·x − 0.0888';

export function dataLegendEntries({ plane, color, formula, run }: DataLegendInput, style: DataStyle = DATA_STYLE): LegendEntry[] {
  const { ink, paper, legend, residualColors } = style;
  const batchDot = { radius: legend.batchRadius, strokeWidth: plane ? style.batch.plane.strokeWidth : legend.lineBatchRing };
  const batch: LegendEntry = { label: `current mini-batch${plane ? ' (large, outlined)' : ''}`, width: 10, height: 10, marks: [{ kind: 'dot', cx: 5, cy: 5, dot: batchDot, fill: plane ? paper : color, stroke: ink }] };
  if (plane) {
    const bins = [0, (residualColors.length - 1) / 2, residualColors.length - 1];
    const residual: LegendEntry = {
      label: 'residual y − ŷ: below / on / above the fit',
      width: 30,
      height: 8,
      marks: bins.map((bin, i) => ({ kind: 'rect', x: 10 * i, y: 0, width: 10, height: 8, fill: residualColors[bin] })),
    };
    // Plane data draw nothing in the run's colour: the run is named in it, without a mark.
    const named: LegendEntry[] = run !== undefined ? [{ label: `data, fit and mini-batch of ${run}`, runColor: color, width: 0, height: 0, marks: [] }] : [];
    return [...named, batch, residual];
  }
  const fit: LegendEntry = {
    label: `${run !== undefined ? `${run}: ` : ''}current fit ${formula}`,
    reserve: `current fit ${TYPICAL_LONG_FORMULA}`,
    ...(run !== undefined ? { runColor: color } : {}),
    width: 18,
    height: 8,
    marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color, stroke: style.fit }],
  };
  const best: LegendEntry = { label: 'best fit', width: 18, height: 8, marks: [{ kind: 'line', x1: 1, x2: 17, y1: 4, y2: 4, color: ink, stroke: style.bestFit }] };
  return run !== undefined ? [fit, batch, best] : [batch, fit, best];
}
