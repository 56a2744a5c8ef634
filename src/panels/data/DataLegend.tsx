// The data panel's legend: the mini-batch, and either the fit lines (line
// data) or the residual colours (plane data), drawn from style.ts.
import { Legend, LegendSwatch, SwatchDot, SwatchLine } from '../shared/LegendSwatch.tsx';
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
  const { ink, paper, legend, residualColors } = style;
  const batchDot = { radius: legend.batchRadius, strokeWidth: plane ? style.batch.plane.strokeWidth : legend.lineBatchRing };
  return (
    <Legend>
      <LegendSwatch width={10} height={10} marks={<SwatchDot cx={5} cy={5} dot={batchDot} fill={plane ? paper : color} stroke={ink} />}>
        current mini-batch{plane ? ' (large, outlined)' : ''}
      </LegendSwatch>
      {plane ? (
        <LegendSwatch
          width={30}
          height={8}
          marks={[0, (residualColors.length - 1) / 2, residualColors.length - 1].map((bin, i) => (
            <rect key={bin} x={10 * i} y="0" width="10" height="8" fill={residualColors[bin]} />
          ))}
        >
          residual y − ŷ: below / on / above the fit
        </LegendSwatch>
      ) : (
        <>
          <LegendSwatch width={18} height={8} marks={<SwatchLine x1={1} x2={17} y1={4} color={color} stroke={style.fit} />}>
            current fit {formula}
          </LegendSwatch>
          <LegendSwatch width={18} height={8} marks={<SwatchLine x1={1} x2={17} y1={4} color={ink} stroke={style.bestFit} />}>
            best fit
          </LegendSwatch>
        </>
      )}
    </Legend>
  );
}
