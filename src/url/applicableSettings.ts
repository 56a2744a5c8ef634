// Settings that cannot change a run leave its link: a link says what the run
// is, and "rho=0.8" on line data would claim a feature correlation the run
// does not have. The page keeps such a value while it is open (switching to
// plane data brings it back); the link simply does not carry it.
import type { Settings } from '../core/settings.ts';
import { usesMomentum } from '../core/optimizers.ts';

/**
 * The settings with every value that has no effect on the run set to the
 * reference's, so a link written relative to the reference leaves it out:
 * - rho shapes only plane data (the deep model always uses line data);
 * - drop-last drops nothing when the batch size divides n;
 * - mom moves nothing under Adam, whose momentum is its own beta1.
 */
export function withoutInapplicable(settings: Settings, reference: Readonly<Settings>): Settings {
  const out = { ...settings };
  if (out.data !== 'plane') out.rho = reference.rho;
  if (out.n % out.b === 0) out.drop = reference.drop;
  if (!usesMomentum(out.optimizer)) out.mom = reference.mom;
  return out;
}
