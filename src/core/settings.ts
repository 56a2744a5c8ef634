// The one definition of an experiment's settings. The CLI flags, the URL
// parameters, the worker and the UI all derive from this file, so a setting
// added here appears everywhere with the same name, default and range.
import { formatCount } from './format.ts';

export const SHUFFLE_MODES = ['none', 'once', 'epoch', 'batches', 'replacement'] as const;
export type ShuffleMode = (typeof SHUFFLE_MODES)[number];

export const DATA_KINDS = ['line', 'plane'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const MODEL_KINDS = ['linear', 'deep'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export interface Settings {
  n: number;
  b: number;
  shuffle: ShuffleMode;
  drop: boolean;
  lr: number;
  decay: number;
  mom: number;
  k: number;
  epochs: number;
  seed: number;
  data: DataKind;
  rho: number;
  noise: number;
  w0: readonly [number, number];
  model: ModelKind;
  restart: boolean;
}

export type SettingName = keyof Settings;

export const MAX_N = 1_000_000;
export const MAX_K = 10_000;
export const MAX_EPOCHS = 100_000;
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_RHO = 0.99;
export const MAX_NOISE = 10;
/** Initial weights beyond this are refused: they only reproduce overflow, not learning. */
export const MAX_ABS_W0 = 1e6;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  n: 100,
  b: 10,
  shuffle: 'epoch',
  drop: false,
  // About a thirteenth of the largest stable rate of the default data (0.40):
  // the excess loss falls by about a third each epoch, so convergence is
  // visible across ~20 epochs (near the noise floor by 20) instead of being
  // over after two.
  lr: 0.03,
  decay: 0,
  mom: 0,
  k: 1,
  epochs: 20,
  seed: 1,
  data: 'line',
  rho: 0,
  noise: 0.3,
  w0: Object.freeze([-1.5, 2]) as readonly [number, number],
  model: 'linear',
  restart: false,
});

export interface SettingSpec {
  name: SettingName;
  /** What the setting means, in words a learner understands. */
  meaning: string;
  /** The allowed values, as the README and `--help` print them. */
  allowed: string;
  kind: 'integer' | 'number' | 'boolean' | 'choice' | 'pair';
  choices?: readonly string[];
}

export const SETTING_SPECS: readonly SettingSpec[] = [
  { name: 'n', meaning: 'number of training examples', allowed: `integer 1 … ${MAX_N.toLocaleString('en-US')}`, kind: 'integer' },
  { name: 'b', meaning: 'mini-batch size', allowed: 'integer 1 … n', kind: 'integer' },
  {
    name: 'shuffle',
    meaning:
      'order of examples: none (fixed order every epoch), once (shuffled once before epoch 1), epoch (reshuffled every epoch, as PyTorch DataLoader(shuffle=True)), batches (fixed batches, their order shuffled every epoch), replacement (each step draws b examples uniformly with replacement)',
    allowed: SHUFFLE_MODES.join(' | '),
    kind: 'choice',
    choices: SHUFFLE_MODES,
  },
  { name: 'drop', meaning: 'drop the last partial batch of each epoch', allowed: 'boolean', kind: 'boolean' },
  { name: 'lr', meaning: 'learning rate', allowed: 'finite, > 0', kind: 'number' },
  { name: 'decay', meaning: 'learning-rate decay per epoch: lr_e = lr / (1 + decay·e)', allowed: 'finite, ≥ 0', kind: 'number' },
  { name: 'mom', meaning: 'SGD momentum (PyTorch convention: v = mom·v + g; w -= lr·v)', allowed: '0 ≤ mom < 1', kind: 'number' },
  { name: 'k', meaning: 'gradient steps taken on each mini-batch before moving on', allowed: `integer 1 … ${MAX_K.toLocaleString('en-US')}`, kind: 'integer' },
  { name: 'epochs', meaning: 'epochs to train', allowed: `integer 1 … ${MAX_EPOCHS.toLocaleString('en-US')}`, kind: 'integer' },
  { name: 'seed', meaning: 'seed of every random choice (data, order, restarts)', allowed: 'integer 0 … 2³²−1', kind: 'integer' },
  {
    name: 'data',
    meaning: 'line: y = w1·x + w2 (x2 ≡ 1: slope and intercept); plane: y = w1·x1 + w2·x2 with features of correlation rho',
    allowed: DATA_KINDS.join(' | '),
    kind: 'choice',
    choices: DATA_KINDS,
  },
  { name: 'rho', meaning: 'feature correlation for plane data (elongates the loss bowl)', allowed: `−${MAX_RHO} … ${MAX_RHO}`, kind: 'number' },
  { name: 'noise', meaning: 'standard deviation of label noise', allowed: `0 … ${MAX_NOISE}`, kind: 'number' },
  { name: 'w0', meaning: 'initial weights w1,w2', allowed: `two finite numbers w1,w2 with |w| ≤ ${MAX_ABS_W0.toExponential(0)}`, kind: 'pair' },
  {
    name: 'model',
    meaning: 'linear: ŷ = w1·x1 + w2·x2 (convex bowl); deep: ŷ = w2·(w1·x), a two-layer linear net with one hidden unit (a valley of equally good minima)',
    allowed: MODEL_KINDS.join(' | '),
    kind: 'choice',
    choices: MODEL_KINDS,
  },
  { name: 'restart', meaning: 'the misconception made runnable: start every epoch after the first from new random weights', allowed: 'boolean', kind: 'boolean' },
];

export const SETTING_NAMES: readonly SettingName[] = SETTING_SPECS.map((s) => s.name);

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
const TRUE_WORDS = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);
/** Longer values are cut before they reach a message, so a hostile link cannot flood the page. */
const MAX_ECHO = 40;

/**
 * Control characters, bidirectional overrides (which could reorder the text
 * around them) and unpaired surrogate halves: each is shown as '?'.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Shows untrusted text safely inside a message: bounded length, no control characters. */
export function echo(raw: string): string {
  // Cut by code point, so the cut never splits a character in two. The first
  // 2·MAX_ECHO + 2 code units hold more than MAX_ECHO code points, so a long
  // hostile value is never copied whole.
  const characters = Array.from(raw.slice(0, 2 * MAX_ECHO + 2).replace(UNSAFE_CHARACTERS, '?'));
  return characters.length > MAX_ECHO ? `${characters.slice(0, MAX_ECHO).join('')}…` : characters.join('');
}

/** Strict number parsing: `Number('')` is 0 and `Number('0x10')` is 16, neither of which a user meant. */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim();
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
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
    case 'model':
      return choiceOf(raw, MODEL_KINDS, 'model');
    case 'restart':
      return booleanOf(raw, 'restart');
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
      problems.push({ key, message: `unknown setting '${echo(key)}' was ignored` });
      continue;
    }
    if (seen.has(key)) problems.push({ key, message: `${key} was given more than once; the last value (${echo(value)}) is used` });
    seen.add(key);
    given.set(key, value);
  }

  const out: Settings = { ...base, w0: [base.w0[0], base.w0[1]] };
  const assign = out as unknown as Record<SettingName, unknown>;
  for (const [name, raw] of given) {
    if (name === 'b') continue;
    const result = parseField(name, raw);
    // The value kept is named, as the b line names its: "shuffle=zz: …; using epoch".
    if ('error' in result) problems.push({ key: name, message: `${name}=${echo(raw)}: ${result.error}; using ${formatSetting(name, out[name])}` });
    else assign[name] = result.value;
  }

  // b is read last: its range is 1 … n, and the message names the n in force.
  const rawB = given.get('b');
  const batchRule = `batch size must be an integer from 1 to n (${out.n})`;
  if (rawB !== undefined) {
    const v = parseNumber(rawB);
    if (v !== undefined && Number.isInteger(v) && v >= 1 && v <= out.n) out.b = v;
    else problems.push({ key: 'b', message: `b=${echo(rawB)}: ${batchRule}; using ${Math.min(out.b, out.n)}` });
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
