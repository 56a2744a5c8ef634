// The runs the browser test gives the export menu, built the same way in the
// page and in the test, so the test knows the exact text each download holds.
import { MAX_EXPORT_STEPS } from '../../src/store/export/index.ts';
import type { RunView } from '../../src/store/runTypes.ts';
import { runAt } from '../store/export/runViewFixture.ts';

export type HarnessScenario = 'two-runs' | 'too-long';

export function harnessRuns(scenario: string): RunView[] {
  if (scenario === 'too-long') {
    const long = runAt({ n: 1_000_000, b: 1, epochs: 2 }, 0, 'b=1, n=1000000');
    return [{ ...long, cursor: { ...long.cursor, step: MAX_EXPORT_STEPS + 1 } }];
  }
  return [runAt({ b: 5 }, 40, 'b=5'), runAt({ b: 50, shuffle: 'once' }, 7, 'b=50, shuffle=once'), runAt({ b: 2 }, 9, 'hidden', false)];
}
