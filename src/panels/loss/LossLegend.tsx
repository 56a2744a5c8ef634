// The loss chart's legend, drawn from the chart's own style numbers.
import { INK, PAPER } from '../shared/markStyle.ts';
import { Legend, LegendSwatch, SwatchDot, SwatchLine } from '../shared/LegendSwatch.tsx';
import { LOSS_STYLE, type LossStyle } from './style.ts';

export interface LossLegendProps {
  /** When smoothing is on, what it smooths over (e.g. "smoothed over 0.38 epochs"): the batch entry says so, and that the raw curve is the faint one. */
  readonly smoothing: string | null;
  /** Some curve is beyond the y-axis: the entry explains the marks on its edge. */
  readonly clipped?: boolean;
  readonly style?: LossStyle;
}

export function LossLegend({ smoothing, clipped = false, style = LOSS_STYLE }: LossLegendProps) {
  const rule = style.epochRuleSwatch;
  return (
    <Legend>
      <LegendSwatch width={18} height={8} marks={<SwatchLine x1={1} x2={17} y1={4} color={INK} stroke={style.full.raw} />}>
        full-data loss
      </LegendSwatch>
      <LegendSwatch
        width={18}
        height={8}
        marks={<polyline points="1,6 4,2 7,5 10,1 13,6 17,3" fill="none" stroke={INK} strokeWidth={style.batch.raw.width} opacity={style.batchSwatchAlpha} />}
      >
        mini-batch loss{smoothing ? `, ${smoothing} (faint: raw)` : ''}
      </LegendSwatch>
      <LegendSwatch width={10} height={10} marks={<SwatchDot cx={5} cy={5} dot={style.epochLoss} fill={INK} />}>
        full loss at epoch end
      </LegendSwatch>
      <LegendSwatch width={10} height={10} marks={<SwatchDot cx={5} cy={5} dot={style.epochMean} fill={PAPER} stroke={INK} />}>
        epoch mean of batch losses (what a training loop prints)
      </LegendSwatch>
      <LegendSwatch width={10} height={12} marks={<SwatchLine x1={5} x2={5} y1={0} y2={12} color={rule.color} stroke={rule.stroke} />}>
        epoch end
      </LegendSwatch>
      {clipped ? (
        <LegendSwatch width={10} height={8} marks={<path d={`M${5 - style.clipMark.size},0 L${5 + style.clipMark.size},0 L5,${style.clipMark.size} Z`} fill={INK} />}>
          beyond the axis (marked on its edge)
        </LegendSwatch>
      ) : null}
    </Legend>
  );
}
