// The weight-space panel's legend; the valley and restart entries appear only
// when the plot shows those marks.
import { formatValue } from '../shared/format.ts';

export interface WeightLegendProps {
  /** The deep model's best-fit product w1·w2, or null for the linear model. */
  readonly product: number | null;
  readonly hasRestart: boolean;
}

export function WeightLegend({ product, hasRestart }: WeightLegendProps) {
  return (
    <ul className="panel-legend" aria-label="Legend">
      <li>
        <svg width="10" height="10" aria-hidden="true">
          <rect x="1" y="1" width="8" height="8" fill="#fff" stroke="#1d232b" strokeWidth="1.5" />
        </svg>
        start
      </li>
      <li>
        <svg width="22" height="8" aria-hidden="true">
          <line x1="1" x2="11" y1="4" y2="4" stroke="#1d232b" strokeWidth="2" />
          <line x1="11" x2="21" y1="4" y2="4" stroke="#a5abb3" strokeWidth="2" />
        </svg>
        path, shade alternates per epoch
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="7" fill="#fff" stroke="#1d232b" strokeWidth="1.2" />
          <text x="8" y="11" textAnchor="middle" fontSize="9" fontWeight="600">
            3
          </text>
        </svg>
        end of epoch 3
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" fill="#1d232b" stroke="#fff" strokeWidth="1.5" />
        </svg>
        now
      </li>
      {product !== null ? (
        <li>
          <svg width="18" height="8" aria-hidden="true">
            <line x1="1" x2="17" y1="4" y2="4" stroke="#1d232b" strokeWidth="1.5" strokeDasharray="5 2" />
          </svg>
          valley of best fits w1·w2 = {formatValue(product)}
        </li>
      ) : null}
      {hasRestart ? (
        <li>
          <svg width="18" height="8" aria-hidden="true">
            <line x1="1" x2="17" y1="4" y2="4" stroke="#1d232b" strokeWidth="1" strokeDasharray="3 3" />
          </svg>
          restart jump
        </li>
      ) : null}
    </ul>
  );
}
