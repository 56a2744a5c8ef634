// The training loop of the run the settings describe, collapsible so a small
// screen can give its room back to the charts.
import { useState } from 'react';
import { LoopView } from '../panels/loopView/LoopView.tsx';
import type { RunView } from '../store/runTypes.ts';

/** `run`: the primary run as the page's text shows it — now, or at the step the timeline looks at (App passes it at the text's rate while training). */
export function PrimaryLoopView({ run }: { readonly run: RunView | null }) {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <div className="loop-slot">
      <LoopView run={run} collapsed={collapsed} onToggleCollapsed={() => setCollapsed((c) => !c)} />
    </div>
  );
}
