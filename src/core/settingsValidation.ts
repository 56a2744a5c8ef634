// Settings that arrive as untrusted values (a message to the worker, a run to
// restore from a link, a patch from a control) are checked here, and only here:
// their types first, then their ranges with the same rules the link and the CLI use.
import { checkSettings, type Problem } from './parseSettings.ts';
import { SETTING_SPECS, type Settings } from './settings.ts';

/** A value that passed a check, or the one sentence that says why it did not. */
export type Validated<T> = { ok: true; value: T } | { ok: false; message: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What kind of value this is, in words for a message ("null", "an array", "string"). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * The first type error of an unknown value meant as Settings, with the setting
 * it concerns, or null when every field has the right type (ranges are not
 * checked here; checkSettings does that, and would throw on a w0 that is not a pair).
 */
export function settingsShapeProblem(raw: unknown): Problem | null {
  if (!isRecord(raw)) return { key: '', message: `settings must be an object, not ${describeType(raw)}` };
  for (const spec of SETTING_SPECS) {
    const value = raw[spec.name];
    const key = spec.name;
    switch (spec.kind) {
      case 'integer':
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return { key, message: `setting ${key} must be a finite number` };
        break;
      case 'boolean':
        if (typeof value !== 'boolean') return { key, message: `setting ${key} must be true or false` };
        break;
      case 'choice':
        if (typeof value !== 'string' || !spec.choices?.includes(value)) return { key, message: `setting ${key} must be one of ${spec.choices?.join(', ')}` };
        break;
      case 'pair':
        if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
          return { key, message: `setting ${key} must be a pair of finite numbers` };
        }
        break;
    }
  }
  return null;
}

/** Every problem of a would-be Settings value, the type error first (checkSettings assumes the types are right). */
export function settingsProblems(raw: unknown): Problem[] {
  const shape = settingsShapeProblem(raw);
  return shape ? [shape] : checkSettings(raw as Settings);
}

/** Exactly the known fields of a value whose types are right, with w0 copied. */
function knownFields(record: Record<string, unknown>): Settings {
  const settings = {} as Record<string, unknown>;
  for (const spec of SETTING_SPECS) settings[spec.name] = record[spec.name];
  const w0 = record.w0 as number[];
  settings.w0 = [w0[0], w0[1]];
  return settings as unknown as Settings;
}

/** Checks an unknown value meant as Settings: its problems, or a copy of exactly its known fields. */
export function checkedSettings(raw: unknown): { ok: true; value: Settings } | { ok: false; problems: Problem[] } {
  const shape = settingsShapeProblem(raw);
  if (shape) return { ok: false, problems: [shape] };
  const settings = knownFields(raw as Record<string, unknown>);
  const problems = checkSettings(settings);
  return problems.length ? { ok: false, problems } : { ok: true, value: settings };
}

/** Checks that an unknown value is a complete, valid Settings object, and copies exactly its known fields. */
export function validateSettings(raw: unknown): Validated<Settings> {
  const checked = checkedSettings(raw);
  return checked.ok ? checked : { ok: false, message: checked.problems.map((p) => p.message).join('; ') };
}
