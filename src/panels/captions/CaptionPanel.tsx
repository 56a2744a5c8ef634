// "What just happened": the caption beside the charts. It is a polite live
// region, so a screen reader reads each new caption once; the text is
// recomputed only when the caption key changes (an epoch ends, the status
// changes, facts arrive), never on an ordinary step.
import { memo } from 'react';
import type { CaptionInput } from './captionInput.ts';
import { captionKey } from './captionInput.ts';
import { captionFor } from './captionFor.ts';

export interface CaptionPanelProps {
  input: CaptionInput | null;
}

const NO_RUN = 'Start a run to see, after each epoch, what it did.';

interface CaptionTextProps {
  /** Decides when the text is recomputed; `input` alone changes every step. */
  textKey: string;
  input: CaptionInput | null;
}

const CaptionText = memo(
  function CaptionText({ input }: CaptionTextProps) {
    return <p>{input ? captionFor(input).join(' ') : NO_RUN}</p>;
  },
  (before, after) => before.textKey === after.textKey,
);

export function CaptionPanel({ input }: CaptionPanelProps) {
  return (
    <section className="caption" aria-label="What just happened" aria-live="polite" aria-atomic="true" data-testid="caption">
      <CaptionText textKey={input ? captionKey(input) : ''} input={input} />
    </section>
  );
}
