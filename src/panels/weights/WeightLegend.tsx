// The weight-space panel's legend; the valley and restart entries appear only
// when the plot shows those marks. Its icons take their look from style.ts,
// the same values the chart's marks are drawn with.
import { formatValue } from '../shared/format.ts';
import { WEIGHT_STYLE, type WeightStyle } from './style.ts';

export interface WeightLegendProps {
  /** The deep model's best-fit product w1·w2, or null for the linear model. */
  readonly product: number | null;
  readonly hasRestart: boolean;
  readonly style?: WeightStyle;
}

export function WeightLegend({ product, hasRestart, style = WEIGHT_STYLE }: WeightLegendProps) {
  const { ink, paper, legend } = style;
  const start = legend.start;
  return (
    <ul className="panel-legend" aria-label="Legend">
      <li>
        <svg width="10" height="10" aria-hidden="true">
          <rect x="1" y="1" width={start.side} height={start.side} fill={paper} stroke={ink} strokeWidth={start.strokeWidth} />
        </svg>
        start
      </li>
      <li>
        <svg width="22" height="8" aria-hidden="true">
          <line x1="1" x2="11" y1="4" y2="4" stroke={ink} strokeWidth={style.path.primaryWidth} />
          <line x1="11" x2="21" y1="4" y2="4" stroke={legend.lighterPath} strokeWidth={style.path.primaryWidth} />
        </svg>
        path, shade alternates per epoch
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r={legend.epochEnd.radius} fill={paper} stroke={ink} strokeWidth={legend.epochEnd.strokeWidth} />
          <text x="8" y="11" textAnchor="middle" fontSize={style.epochEnd.fontSize} fontWeight={style.epochEnd.fontWeight}>
            3
          </text>
        </svg>
        end of epoch 3
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r={style.now.radius} fill={ink} stroke={paper} strokeWidth={legend.now.strokeWidth} />
        </svg>
        now
      </li>
      {product !== null ? (
        <li>
          <svg width="18" height="8" aria-hidden="true">
            <line x1="1" x2="17" y1="4" y2="4" stroke={ink} strokeWidth={style.valley.width} strokeDasharray={legend.valleyDash.join(' ')} />
          </svg>
          valley of best fits w1·w2 = {formatValue(product)}
        </li>
      ) : null}
      {hasRestart ? (
        <li>
          <svg width="18" height="8" aria-hidden="true">
            <line x1="1" x2="17" y1="4" y2="4" stroke={ink} strokeWidth={style.jump.width} strokeDasharray={legend.jumpDash.join(' ')} />
          </svg>
          restart jump
        </li>
      ) : null}
    </ul>
  );
}
