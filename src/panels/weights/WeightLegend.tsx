// The weight-space panel's legend; the valley and restart entries appear only
// when the plot shows those marks. Its marks come from style.ts, the values
// the chart's marks are drawn with (legendEntries.ts).
import { LegendEntries } from '../shared/LegendSwatch.tsx';
import { weightLegendEntries } from './legendEntries.ts';
import { WEIGHT_STYLE, type WeightStyle } from './style.ts';

export interface WeightLegendProps {
  /** The deep model's best-fit product w1·w2, or null for the linear model. */
  readonly product: number | null;
  readonly hasRestart: boolean;
  readonly style?: WeightStyle;
}

export function WeightLegend({ product, hasRestart, style = WEIGHT_STYLE }: WeightLegendProps) {
  return <LegendEntries entries={weightLegendEntries(product, hasRestart, style)} />;
}
