// Settings as text, in the exact form parseSettings reads back: links, command
// lines and CSV comments all write settings this way, so each round-trips.
import { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName, type Settings } from './settings.ts';

/** Shortest text that reads back as the same double; keeps the sign of -0, which String() drops. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Formats a setting's value the way `parseSettings` reads it back (shortest exact form). */
export function formatSetting<K extends SettingName>(name: K, value: Settings[K]): string {
  if (name === 'w0') {
    const pair = value as Settings['w0'];
    return `${formatNumber(pair[0])},${formatNumber(pair[1])}`;
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/**
 * The settings as (name, value) pairs. With a base, settings equal to it are
 * left out, so links and command lines stay short.
 */
export function settingsToEntries(settings: Settings, base: Readonly<Settings> | null = DEFAULT_SETTINGS): [SettingName, string][] {
  const out: [SettingName, string][] = [];
  for (const name of SETTING_NAMES) {
    const text = formatSetting(name, settings[name]);
    if (base && text === formatSetting(name, base[name])) continue;
    out.push([name, text]);
  }
  return out;
}

export function settingsEqual(a: Settings, b: Settings): boolean {
  return SETTING_NAMES.every((name) => formatSetting(name, a[name]) === formatSetting(name, b[name]));
}
