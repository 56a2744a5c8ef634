// "What just happened" for the run the settings describe.
import { useMemo } from 'react';
import { CaptionPanel } from '../panels/captions/CaptionPanel.tsx';
import { captionInputFromRun, problemFacts } from '../panels/captions/captionInput.ts';
import { useEpochReplay } from '../panels/captions/useEpochReplay.ts';
import type { RunView } from '../store/runTypes.ts';

/** `run`: the primary run as the page's text shows it — now, or at the step the timeline looks at (App passes it at the text's rate while training). */
export function PrimaryCaption({ run }: { readonly run: RunView | null }) {
  const settings = run?.settings ?? null;
  const facts = useMemo(() => (settings ? problemFacts(settings) : null), [settings]);
  const extras = useEpochReplay(settings, run?.epochs.length ?? 0, run?.status ?? null);
  const input = run ? captionInputFromRun(run, { facts, ...extras }) : null;
  return <CaptionPanel input={input} />;
}
