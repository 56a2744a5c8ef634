// The settings of a question's runs, read from its link by the page's parser,
// so the schedule numbers a question quotes come from what the page will run.
import type { Settings } from '../../core/settings.ts';
import { linkRunSettings } from './runLink.ts';

export function runSettings(link: string, index: number): Settings {
  const all = linkRunSettings(link);
  const settings = all[index];
  if (!settings) throw new RangeError(`${link} has ${all.length} runs, not ${index + 1}`);
  return settings;
}
