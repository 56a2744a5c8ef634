// The README's settings table, generated from the one settings definition so it cannot drift.
import { DEFAULT_SETTINGS, SETTING_SPECS } from '../../src/core/settings.ts';
import { formatSetting } from '../../src/core/settingsText.ts';

/** A pipe inside a cell would end it: "none | once" or "|w|" must stay one cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function settingsTableMarkdown(): string {
  const rows = SETTING_SPECS.map((spec) => {
    const value = DEFAULT_SETTINGS[spec.name];
    const shown = typeof value === 'boolean' ? (value ? 'on' : 'off') : formatSetting(spec.name, value);
    return `| \`${spec.name}\` | ${cell(spec.meaning)} | \`${shown}\` | ${cell(spec.allowed)} |`;
  });
  return ['| name | meaning | default | allowed |', '|---|---|---|---|', ...rows].join('\n');
}
