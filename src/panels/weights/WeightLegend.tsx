// The weight-space panel's legend; the valley and restart entries appear only
// when the plot shows those marks. Its marks come from style.ts, the values
// the chart's marks are drawn with.
import { formatValue } from '../shared/format.ts';
import { Legend, LegendSwatch, SwatchDot, SwatchLine } from '../shared/LegendSwatch.tsx';
import { WEIGHT_STYLE, type WeightStyle } from './style.ts';

export interface WeightLegendProps {
  /** The deep model's best-fit product w1·w2, or null for the linear model. */
  readonly product: number | null;
  readonly hasRestart: boolean;
  readonly style?: WeightStyle;
}

export function WeightLegend({ product, hasRestart, style = WEIGHT_STYLE }: WeightLegendProps) {
  const { ink, paper, legend } = style;
  const { start } = legend;
  const epochEnd = { ...style.epochEnd, ...legend.epochEnd };
  return (
    <Legend>
      <LegendSwatch width={10} height={10} marks={<rect x="1" y="1" width={start.side} height={start.side} fill={paper} stroke={ink} strokeWidth={start.strokeWidth} />}>
        start
      </LegendSwatch>
      <LegendSwatch
        width={22}
        height={8}
        marks={
          <>
            <SwatchLine x1={1} x2={11} y1={4} color={ink} stroke={style.path.primary} />
            <SwatchLine x1={11} x2={21} y1={4} color={legend.lighterPath} stroke={style.path.primary} />
          </>
        }
      >
        path, shade alternates per epoch
      </LegendSwatch>
      <LegendSwatch
        width={16}
        height={16}
        marks={
          <>
            <SwatchDot cx={8} cy={8} dot={epochEnd} fill={paper} stroke={ink} />
            <text x="8" y="11" textAnchor="middle" fontSize={epochEnd.fontSize} fontWeight={epochEnd.fontWeight}>
              3
            </text>
          </>
        }
      >
        end of epoch 3
      </LegendSwatch>
      <LegendSwatch width={12} height={12} marks={<SwatchDot cx={6} cy={6} dot={{ radius: style.now.radius, strokeWidth: legend.nowStrokeWidth }} fill={ink} stroke={paper} />}>
        now
      </LegendSwatch>
      {product !== null ? (
        <LegendSwatch width={18} height={8} marks={<SwatchLine x1={1} x2={17} y1={4} color={ink} stroke={{ width: style.valley.width, dash: legend.valleyDash }} />}>
          valley of best fits w1·w2 = {formatValue(product)}
        </LegendSwatch>
      ) : null}
      {hasRestart ? (
        <LegendSwatch width={18} height={8} marks={<SwatchLine x1={1} x2={17} y1={4} color={ink} stroke={{ width: style.jump.width, dash: legend.jumpDash }} />}>
          restart jump
        </LegendSwatch>
      ) : null}
    </Legend>
  );
}
