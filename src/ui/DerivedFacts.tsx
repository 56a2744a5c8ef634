// Facts that follow from the settings, shown beside them as the user edits:
// how many steps an epoch is, and how large the learning rate may be.
import { createSchedule } from '../core/schedule.ts';
import type { Settings } from '../core/settings.ts';
import { countOf, formatCount, formatValue } from '../core/format.ts';
import { stableLrApplies } from '../core/curvature.ts';

export interface DerivedFactsProps {
  settings: Settings;
  /** Largest stable learning rate of this data (full-batch gradient descent), with this momentum; SGD's only (stableLrApplies). */
  maxStableLr: number;
  /** Where that rate holds, when it depends on the weights (the deep model), e.g. "at the current weights". */
  where?: string;
}

export function DerivedFacts({ settings, maxStableLr, where }: DerivedFactsProps) {
  const { n, b, drop, k } = settings;
  const schedule = createSchedule(settings);
  const batches = schedule.batchesPerEpoch;
  const rounding = drop ? `⌊${formatCount(n)} / ${formatCount(b)}⌋` : `⌈${formatCount(n)} / ${formatCount(b)}⌉`;
  const partial = n % b;
  const applies = stableLrApplies(settings);
  // Under Adam or RMSprop the rate is plain SGD's, for comparison: no warning follows from it.
  const tooFast = applies && settings.lr > maxStableLr;
  return (
    <div className="facts" data-testid="derived-facts" aria-live="polite">
      <div data-testid="fact-steps-per-epoch">
        batches per epoch = {rounding} = <strong>{formatCount(batches)}</strong>
        {k > 1 && (
          <>
            ; steps per epoch = {formatCount(batches)} × k = <strong>{formatCount(schedule.stepsPerEpoch)}</strong>
          </>
        )}
      </div>
      <div>
        {partial === 0
          ? `every batch has ${countOf(b, 'example')}`
          : drop
            ? partial === 1
              ? 'the last example is dropped each epoch'
              : `the last ${formatCount(partial)} examples are dropped each epoch`
            : `last batch: ${countOf(partial, 'example')}`}
        {`; ${countOf(schedule.totalSteps, 'step')} in ${countOf(settings.epochs, 'epoch')}`}
      </div>
      <div data-testid="fact-max-lr" className={tooFast ? 'warn' : ''}>
        largest stable lr{applies ? '' : ' of plain SGD'}
        {where ? ` ${where}` : ''} ≈ {formatValue(maxStableLr)}
        {!applies && ` — it does not bound the steps of ${settings.optimizer}`}
        {tooFast && ` — lr ${settings.lr} is above it: expect the loss to blow up`}
      </div>
    </div>
  );
}
