// What the loss chart says to a screen reader in place of the curves.
import { countOf, formatValue } from '../shared/format.ts';
import type { LossLayout } from './lossLayout.ts';

export function lossSummary(layout: LossLayout): string {
  if (layout.series.length === 0) return 'Loss chart: no visible runs.';
  if (!layout.hasRows) return 'Loss chart: no steps taken yet.';
  return layout.series
    .map((s) => {
      const n = s.full.length;
      if (n === 0) return `${s.run.name}: not started`;
      const said = `${s.run.name}: full-data loss after ${countOf(s.full.step[n - 1], 'step')}: ${formatValue(s.full.y[n - 1])}`;
      // Both series end at the latest step (M4 keeps every bucket's last row), so the val line's last value is there.
      return s.val && s.val.length > 0 ? `${said}, val_loss ${formatValue(s.val.y[s.val.length - 1])}` : said;
    })
    .join('; ');
}
