// A run is named by what sets it apart from the runs beside it ("shuffle=once",
// "b=32"); alone, by its batch size and shuffle mode, the two settings this
// tool is about.
import { formatSetting } from '../core/settingsText.ts';
import { SETTING_NAMES, type SettingName, type Settings } from '../core/settings.ts';

const DEFAULT_NAME_SETTINGS: readonly SettingName[] = ['b', 'shuffle'];
/** Past this many differing settings a name stops being readable; the rest is counted. */
const MAX_NAMED_SETTINGS = 3;

/** "restart on" reads better in a legend than the link's "restart=1". */
function describeSetting(settings: Settings, name: SettingName): string {
  const value = settings[name];
  if (typeof value === 'boolean') return `${name} ${value ? 'on' : 'off'}`;
  return `${name}=${formatSetting(name, value)}`;
}

function describeSettings(settings: Settings, names: readonly SettingName[]): string {
  const shown = names.slice(0, MAX_NAMED_SETTINGS).map((name) => describeSetting(settings, name));
  const hidden = names.length - shown.length;
  return hidden > 0 ? `${shown.join(', ')} +${hidden} more` : shown.join(', ');
}

/** One name per run, in order; runs with identical names are numbered "(2)", "(3)" … */
export function runNames(list: readonly Settings[]): string[] {
  const differing = SETTING_NAMES.filter((name) => new Set(list.map((s) => formatSetting(name, s[name]))).size > 1);
  const base = list.map((s) => describeSettings(s, differing.length ? differing : DEFAULT_NAME_SETTINGS));
  const seen = new Map<string, number>();
  return base.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
