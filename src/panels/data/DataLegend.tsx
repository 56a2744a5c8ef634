// The data panel's legend: the mini-batch, and either the fit lines (line
// data) or the residual colours (plane data), drawn from style.ts (legendEntries.ts).
import { LegendEntries } from '../shared/LegendSwatch.tsx';
import { dataLegendEntries } from './legendEntries.ts';
import { DATA_STYLE, type DataStyle } from './style.ts';

export interface DataLegendProps {
  readonly plane: boolean;
  /** The run's colour. */
  readonly color: string;
  /** The current fit as a formula, or '' without a run. */
  readonly formula: string;
  readonly style?: DataStyle;
}

export function DataLegend({ plane, color, formula, style = DATA_STYLE }: DataLegendProps) {
  return <LegendEntries entries={dataLegendEntries({ plane, color, formula }, style)} />;
}
