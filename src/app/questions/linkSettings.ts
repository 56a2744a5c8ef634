// The settings of a question's runs, read from its link by the page's parser,
// so the schedule numbers a question quotes come from what the page will run.
// Apart from runLink.ts, which trains them: the questions' text needs only
// this, and the page lists the questions before it loads the trainer's checks.
import type { Settings } from '../../core/settings.ts';
import { parseExperimentQuery } from '../../url/experimentUrl.ts';

/** The settings of every run the link compares (the one run of its settings when it compares none). */
export function linkRunSettings(link: string): Settings[] {
  const { experiment } = parseExperimentQuery(link);
  return experiment.runs.length ? experiment.runs.map((run) => run.settings) : [experiment.settings];
}

export function runSettings(link: string, index: number): Settings {
  const all = linkRunSettings(link);
  const settings = all[index];
  if (!settings) throw new RangeError(`${link} has ${all.length} runs, not ${index + 1}`);
  return settings;
}
