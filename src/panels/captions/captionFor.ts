// "What just happened": one or two plain sentences about a run, written from
// its own records rather than canned text.
import type { CaptionInput } from './captionInput.ts';
import { completedEpochs, latestEpoch } from './epochStory.ts';
import { epochSentences } from './epochSentences.ts';
import { divergenceSentences, endSentences, startSentences } from './outcomeSentences.ts';

/** Never empty: a run that left nothing to describe still says so. */
const NOTHING_YET = 'No epoch has finished yet.';

function compose(input: CaptionInput): string[] {
  if (input.status === 'error') {
    const message = input.message?.trim();
    return [message ? `The run stopped with an error: ${message.replace(/[.!]?$/, '.')}` : 'The run stopped with an error.'];
  }
  if (input.status === 'diverged') return divergenceSentences(input);
  if (completedEpochs(input) === 0) return input.status === 'done' ? [NOTHING_YET] : startSentences(input);
  if (input.status === 'done') return endSentences(input);
  return epochSentences(input, latestEpoch(input));
}

/**
 * The caption for the run's current state: the latest epoch's end, a
 * divergence, or the end of the run. Returns one or two sentences, each
 * ending with a full stop.
 */
export function captionFor(input: CaptionInput): string[] {
  const sentences = compose(input)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, 2);
  return sentences.length > 0 ? sentences : [NOTHING_YET];
}
