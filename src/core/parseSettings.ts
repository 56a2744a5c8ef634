// Reading settings from untrusted text (URL parameters, CLI flags): every
// value is checked against the ranges settings.ts defines, and each problem is
// named in words a learner understands, never thrown.
import {
  DATA_KINDS,
  INIT_KINDS,
  DEFAULT_SETTINGS,
  MAX_ABS_W0,
  MAX_EPOCHS,
  MAX_K,
  MAX_N,
  MAX_NOISE,
  MAX_RHO,
  MAX_SEED,
  MAX_VAL,
  MODEL_KINDS,
  OPTIMIZERS,
  SETTING_NAMES,
  SHUFFLE_MODES,
  type SettingName,
  type Settings,
} from './settings.ts';
import { safeText } from './safeText.ts';
import { formatSetting, settingsToEntries } from './settingsText.ts';
import { formatCount } from './format.ts';

export interface Problem {
  /** The parameter the problem is about ('' when it concerns the input as a whole). */
  key: string;
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  problems: Problem[];
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The words parseBoolean reads, pairwise true then false, for messages that list them. */
export const BOOLEAN_WORDS = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'] as const;
/** The empty word is a bare flag (`--drop`) or parameter (`&drop`): true. */
const TRUE_WORDS = new Set<string>(['', ...BOOLEAN_WORDS.filter((_, i) => i % 2 === 0)]);
const FALSE_WORDS = new Set<string>(BOOLEAN_WORDS.filter((_, i) => i % 2 === 1));
/** Strict number parsing: `Number('')` is 0 and `Number('0x10')` is 16, neither of which a user meant. */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim();
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A word parseBoolean reads as true or false, as given: untrimmed, and not the empty word a bare flag stands for. */
export function isBooleanWord(raw: string): boolean {
  const text = raw.toLowerCase();
  return text !== '' && (TRUE_WORDS.has(text) || FALSE_WORDS.has(text));
}

export function parseBoolean(raw: string): boolean | undefined {
  const text = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

type FieldResult<T> = { value: T } | { error: string };

function integerIn(raw: string, lo: number, hi: number, what: string): FieldResult<number> {
  const v = parseNumber(raw);
  if (v === undefined || !Number.isInteger(v) || v < lo || v > hi) return { error: `${what} must be an integer from ${formatCount(lo)} to ${formatCount(hi)}` };
  return { value: v };
}

function numberIn(raw: string, ok: (v: number) => boolean, rule: string): FieldResult<number> {
  const v = parseNumber(raw);
  if (v === undefined || !ok(v)) return { error: rule };
  return { value: v };
}

function choiceOf<T extends string>(raw: string, choices: readonly T[], what: string): FieldResult<T> {
  const text = raw.trim().toLowerCase();
  const hit = choices.find((c) => c === text);
  return hit === undefined ? { error: `${what} must be one of ${choices.join(', ')}` } : { value: hit };
}

function booleanOf(raw: string, what: string): FieldResult<boolean> {
  const v = parseBoolean(raw);
  return v === undefined ? { error: `${what} must be true or false (or 1 / 0)` } : { value: v };
}

function pairOf(raw: string): FieldResult<readonly [number, number]> {
  const parts = raw.split(',');
  const rule = `initial weights must be two finite numbers w1,w2 with |w| ≤ ${MAX_ABS_W0.toExponential(0)}`;
  if (parts.length !== 2) return { error: rule };
  const a = parseNumber(parts[0]);
  const b = parseNumber(parts[1]);
  if (a === undefined || b === undefined || Math.abs(a) > MAX_ABS_W0 || Math.abs(b) > MAX_ABS_W0) return { error: rule };
  return { value: [a, b] as const };
}

/** Parses one field on its own; `b` is checked against n separately because it depends on it. */
function parseField(name: SettingName, raw: string): FieldResult<Settings[SettingName]> {
  switch (name) {
    case 'n':
      return integerIn(raw, 1, MAX_N, 'number of examples');
    case 'b':
      return integerIn(raw, 1, MAX_N, 'batch size');
    case 'shuffle':
      return choiceOf(raw, SHUFFLE_MODES, 'shuffle');
    case 'drop':
      return booleanOf(raw, 'drop-last');
    case 'optimizer':
      return choiceOf(raw, OPTIMIZERS, 'optimizer');
    case 'lr':
      return numberIn(raw, (v) => v > 0, 'learning rate must be a finite number > 0');
    case 'decay':
      return numberIn(raw, (v) => v >= 0, 'decay must be a finite number ≥ 0');
    case 'mom':
      return numberIn(raw, (v) => v >= 0 && v < 1, 'momentum must be a number with 0 ≤ mom < 1');
    case 'k':
      return integerIn(raw, 1, MAX_K, 'steps per batch');
    case 'epochs':
      return integerIn(raw, 1, MAX_EPOCHS, 'epochs');
    case 'seed':
      return integerIn(raw, 0, MAX_SEED, 'seed');
    case 'data':
      return choiceOf(raw, DATA_KINDS, 'data');
    case 'rho':
      return numberIn(raw, (v) => Math.abs(v) <= MAX_RHO, `feature correlation must be a number from −${MAX_RHO} to ${MAX_RHO}`);
    case 'noise':
      return numberIn(raw, (v) => v >= 0 && v <= MAX_NOISE, `noise must be a number from 0 to ${MAX_NOISE}`);
    case 'w0':
      return pairOf(raw);
    case 'init':
      return choiceOf(raw, INIT_KINDS, 'init');
    case 'model':
      return choiceOf(raw, MODEL_KINDS, 'model');
    case 'restart':
      return booleanOf(raw, 'restart');
    case 'val':
      return numberIn(raw, (v) => v >= 0 && v <= MAX_VAL, `validation fraction must be a number from 0 to ${MAX_VAL}`);
  }
}

function isSettingName(key: string): key is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(key);
}

/**
 * Turns untrusted (name, value) pairs — URL parameters or CLI flags — into valid
 * settings plus human-readable problems. Never throws: a bad value keeps the
 * base value of that setting and says why.
 */
export function parseSettings(
  entries: Iterable<readonly [string, string]>,
  base: Readonly<Settings> = DEFAULT_SETTINGS,
): ParsedSettings {
  const problems: Problem[] = [];
  const given = new Map<SettingName, string>();
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of entries) {
    const key = String(rawKey);
    const value = String(rawValue);
    if (!isSettingName(key)) {
      problems.push({ key, message: `unknown setting '${safeText(key)}' was ignored` });
      continue;
    }
    if (seen.has(key)) problems.push({ key, message: `${key} was given more than once; the last value (${safeText(value)}) is used` });
    seen.add(key);
    given.set(key, value);
  }

  const out: Settings = { ...base, w0: [base.w0[0], base.w0[1]] };
  const assign = out as unknown as Record<SettingName, unknown>;
  for (const [name, raw] of given) {
    if (name === 'b') continue;
    const result = parseField(name, raw);
    // The value kept is named, as the b line names its: "shuffle=zz: …; using epoch".
    if ('error' in result) problems.push({ key: name, message: `${name}=${safeText(raw)}: ${result.error}; using ${formatSetting(name, out[name])}` });
    else assign[name] = result.value;
  }

  // b is read last: its range is 1 … n, and the message names the n in force.
  const rawB = given.get('b');
  const batchRule = `batch size must be an integer from 1 to n (${out.n})`;
  if (rawB !== undefined) {
    const v = parseNumber(rawB);
    if (v !== undefined && Number.isInteger(v) && v >= 1 && v <= out.n) out.b = v;
    else problems.push({ key: 'b', message: `b=${safeText(rawB)}: ${batchRule}; using ${Math.min(out.b, out.n)}` });
  } else if (out.b > out.n) {
    problems.push({ key: 'b', message: `b=${out.b}: ${batchRule}; using ${out.n}` });
  }
  out.b = Math.min(out.b, out.n);
  if (out.model === 'deep' && out.data === 'plane') {
    problems.push({ key: 'data', message: 'data=plane: the deep model takes one input, so it uses line data' });
    out.data = 'line';
  }
  return { settings: out, problems };
}

/** The problems a settings object has, for settings built in code rather than parsed. */
export function checkSettings(settings: Settings): Problem[] {
  return parseSettings(settingsToEntries(settings, null)).problems;
}
