// The CLI's engine time for a link's runs: what `npm run sim` does for each
// run (the core trainer driven to the end, summary output), in this process,
// one run after another — the page's worker also trains them on one thread.
import { createTrainer } from '../../../src/core/index.ts';
import type { Settings } from '../../../src/core/settings.ts';
import { simulate } from '../../../src/cli/simulate.ts';
import { parseExperimentQuery } from '../../../src/url/experimentUrl.ts';

/** Every run a link shows: its compared runs, or the one run of its settings. */
export function linkRuns(query: string): Settings[] {
  const { experiment, problems } = parseExperimentQuery(query.replace(/^\?/, ''));
  if (problems.length > 0) throw new Error(`the link ${query} has problems: ${problems.map((p) => p.message).join('; ')}`);
  return experiment.runs.length > 0 ? experiment.runs.map((r) => r.settings) : [experiment.settings];
}

/** Milliseconds to train every run of the link to its end, the best of `repeats` tries (the least disturbed by other load). */
export async function engineTime(query: string, repeats = 2): Promise<number> {
  const runs = linkRuns(query);
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    for (const settings of runs) await simulate(createTrainer(settings));
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
