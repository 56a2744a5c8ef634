// The training loop of the run the settings describe, collapsible so a small
// screen can give its room back to the charts.
import { useState } from 'react';
import { LoopView } from '../panels/loopView/LoopView.tsx';
import { selectShownPrimaryRun } from '../store/selectors.ts';
import { useLab } from './labContext.ts';

export function PrimaryLoopView() {
  const run = useLab(selectShownPrimaryRun);
  const [collapsed, setCollapsed] = useState(false);
  return (
    <div className="loop-slot">
      <LoopView run={run} collapsed={collapsed} onToggleCollapsed={() => setCollapsed((c) => !c)} />
    </div>
  );
}
