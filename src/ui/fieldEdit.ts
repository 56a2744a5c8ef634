// Applying one edited field to the settings: the same validator the URL and
// the CLI use, so the page refuses exactly what they refuse, with the same words.
import { parseSettings, type Problem } from '../core/parseSettings.ts';
import type { SettingName, Settings } from '../core/settings.ts';

export type FieldEdit = { ok: true; settings: Settings; note: string | null } | { ok: false; reason: string };

export function applyField(current: Settings, name: SettingName, text: string): FieldEdit {
  const { settings, problems } = parseSettings([[name, text]], current);
  const own = problems.filter((p: Problem) => p.key === name);
  if (own.length) return { ok: false, reason: own.map((p) => p.message).join('; ') };
  // A smaller n can leave b too large: the edit stands and b follows it, said aloud.
  const others = problems.filter((p) => p.key !== name);
  return { ok: true, settings, note: others.length ? others.map((p) => p.message).join('; ') : null };
}
