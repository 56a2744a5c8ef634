// The experiment in a link: settings, compared runs and view in the query
// string, with the CLI's flag names, default values left out. A link is
// untrusted input: parsing never throws and names every problem it ignores.
import { DEFAULT_SETTINGS, SETTING_NAMES, SETTING_SPECS, type Settings } from '../core/settings.ts';
import { safeText } from '../core/safeText.ts';
import { parseNumber, parseSettings, type Problem } from '../core/parseSettings.ts';
import { settingsEqual, settingsToEntries } from '../core/settingsText.ts';
import { MAX_RUNS, type RunSpec } from '../store/runTypes.ts';
import { DEFAULT_VIEW, MAX_SMOOTH, parseViewFlag, SPEED_CHOICES, X_AXES, Y_SCALES, type ViewState, type XZoom } from './view.ts';
import { withoutInapplicable } from './applicableSettings.ts';

export interface Experiment {
  /** The settings being edited; every compared run is written relative to them. */
  settings: Settings;
  /** Compared runs; empty when the page shows the one run of `settings`. */
  runs: RunSpec[];
  view: ViewState;
  /** Guided question shown beside the charts, if any. */
  question: string | null;
  /** A moment to open at: the primary run's step, every run paused where it stands then (absent: step 0, idle). */
  at?: number;
}

/** Longer queries are refused outright rather than parsed: no real experiment needs more. */
export const MAX_QUERY_LENGTH = 8_000;
const VIEW_KEYS = ['x', 'y', 'smooth', 'speed', 'zoom', 'logx', 'present', 'runs', 'q', 'at'] as const;
const STEP_PATTERN = /^\d{1,15}$/;
const QUESTION_PATTERN = /^[a-z0-9-]{1,40}$/;

// Inside `runs`: runs are separated by ',', a run's settings by '~', name from
// value by ':'; a hidden run starts with '!'; w0's comma becomes '_'.
const RUN_SEPARATOR = ',';
const PART_SEPARATOR = '~';
const HIDDEN_MARK = '!';
// Inside `zoom`: from and to of the x-range, as w0 writes its pair.
const ZOOM_SEPARATOR = '_';

/** `zoom=a_b`: a finite, non-negative, non-empty range, or undefined. */
function parseZoom(text: string): XZoom | undefined {
  const parts = text.split(ZOOM_SEPARATOR);
  if (parts.length !== 2) return undefined;
  const [from, to] = parts.map((p) => parseNumber(p));
  if (from === undefined || to === undefined || !(from >= 0) || !(to > from) || !Number.isFinite(to)) return undefined;
  return [from, to];
}

/**
 * The settings with every -0 made 0 (w0 included). -0 and 0 are one
 * experiment, but formatSetting keeps the sign, so without this one
 * experiment would have two links.
 */
function withoutNegativeZero(settings: Settings): Settings {
  const out = { ...settings } as Record<string, unknown>;
  for (const name of SETTING_NAMES) {
    const value = out[name];
    if (Object.is(value, -0)) out[name] = 0;
    else if (Array.isArray(value) && value.some((v) => Object.is(v, -0))) out[name] = value.map((v: number) => (Object.is(v, -0) ? 0 : v));
  }
  return out as unknown as Settings;
}

/** Numeric settings (w0's two numbers apart): where a written value can underflow to 0. */
const NUMERIC_SETTINGS = new Set<string>(SETTING_SPECS.filter((spec) => spec.kind === 'number' || spec.kind === 'integer' || spec.kind === 'pair').map((spec) => spec.name));

/**
 * Names each number written with non-zero digits that a double rounds to 0
 * (e.g. rho=1e-400): 0 may be a valid value, so it would pass unnoticed.
 */
function underflowProblems(entries: readonly [string, string][], prefix: string, key: string, problems: Problem[]): void {
  for (const [name, value] of entries) {
    if (!NUMERIC_SETTINGS.has(name)) continue;
    for (const number of name === 'w0' ? value.split(',') : [value]) {
      const mantissa = number.trim().split(/[eE]/)[0];
      if (parseNumber(number) === 0 && /[1-9]/.test(mantissa)) {
        problems.push({ key, message: `${prefix}${name}=${safeText(value)}: ${safeText(number.trim())} is nearer 0 than any double can be, so it was read as 0` });
      }
    }
  }
}

/** Percent-encodes a value but keeps the characters the format uses readable in the address bar. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function encodeRun(run: RunSpec, base: Settings): string {
  const parts = settingsToEntries(withoutInapplicable(withoutNegativeZero(run.settings), base), base).map(([name, value]) => `${name}:${name === 'w0' ? value.replace(',', '_') : value}`);
  // A run identical to the edited settings still needs a token; 'base' names it.
  const body = parts.length ? parts.join(PART_SEPARATOR) : 'base';
  return (run.visible === false ? HIDDEN_MARK : '') + body;
}

/** The query string (with its leading '?', or '' when everything is default). */
export function experimentToQuery(experiment: Experiment): string {
  // Settings that cannot change a run are not written (see applicableSettings.ts); -0 is written as 0.
  const settings = withoutInapplicable(withoutNegativeZero(experiment.settings), DEFAULT_SETTINGS);
  const pairs: [string, string][] = settingsToEntries(settings);
  const { view } = experiment;
  if (view.x !== DEFAULT_VIEW.x) pairs.push(['x', view.x]);
  if (view.y !== DEFAULT_VIEW.y) pairs.push(['y', view.y]);
  if (view.smooth !== DEFAULT_VIEW.smooth) pairs.push(['smooth', String(view.smooth)]);
  if (view.speed !== DEFAULT_VIEW.speed) pairs.push(['speed', String(view.speed)]);
  if (view.zoom) pairs.push(['zoom', view.zoom.map(String).join(ZOOM_SEPARATOR)]);
  if (view.logx !== DEFAULT_VIEW.logx) pairs.push(['logx', view.logx ? '1' : '0']);
  if (view.present !== DEFAULT_VIEW.present) pairs.push(['present', view.present ? '1' : '0']);
  if (experiment.runs.length) pairs.push(['runs', experiment.runs.map((r) => encodeRun(r, settings)).join(RUN_SEPARATOR)]);
  if (experiment.question) pairs.push(['q', experiment.question]);
  if (experiment.at) pairs.push(['at', String(experiment.at)]);
  if (!pairs.length) return '';
  return '?' + pairs.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&');
}

function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Splits a query into decoded pairs, reporting pieces whose percent-encoding is broken. */
function splitQuery(query: string, problems: Problem[]): [string, string][] {
  const pairs: [string, string][] = [];
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const piece of body.split('&')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    const key = decodePart(eq < 0 ? piece : piece.slice(0, eq));
    const value = decodePart(eq < 0 ? '' : piece.slice(eq + 1));
    if (key === null || value === null) {
      problems.push({ key: '', message: `'${safeText(piece)}' has broken percent-encoding and was ignored` });
      continue;
    }
    pairs.push([key, value]);
  }
  return pairs;
}

function parseView(given: Map<string, string>, problems: Problem[]): ViewState {
  const view: ViewState = { ...DEFAULT_VIEW };
  const x = given.get('x');
  if (x !== undefined) {
    const hit = X_AXES.find((a) => a === x.trim().toLowerCase());
    if (hit) view.x = hit;
    else problems.push({ key: 'x', message: `x=${safeText(x)}: the x-axis must be one of ${X_AXES.join(', ')}; using ${view.x}` });
  }
  const y = given.get('y');
  if (y !== undefined) {
    const hit = Y_SCALES.find((a) => a === y.trim().toLowerCase());
    if (hit) view.y = hit;
    else problems.push({ key: 'y', message: `y=${safeText(y)}: the y scale must be log or linear; using ${view.y}` });
  }
  const smooth = given.get('smooth');
  if (smooth !== undefined) {
    const v = parseNumber(smooth);
    if (v !== undefined && v >= 0 && v <= MAX_SMOOTH) view.smooth = v === 0 ? 0 : v;
    else problems.push({ key: 'smooth', message: `smooth=${safeText(smooth)}: smoothing must be a number from 0 to ${MAX_SMOOTH}; using ${view.smooth}` });
  }
  const speed = given.get('speed');
  if (speed !== undefined) {
    const hit = SPEED_CHOICES.find((c) => String(c) === speed.trim().toLowerCase());
    if (hit !== undefined) view.speed = hit;
    else problems.push({ key: 'speed', message: `speed=${safeText(speed)}: the speed must be one of ${SPEED_CHOICES.join(', ')} (steps per second); using ${view.speed}` });
  }
  const zoom = given.get('zoom');
  if (zoom !== undefined) {
    const range = parseZoom(zoom.trim());
    if (range) view.zoom = range;
    else problems.push({ key: 'zoom', message: `zoom=${safeText(zoom)}: the zoomed x-range must be from_to with 0 ≤ from < to (e.g. zoom=100_500); the whole run is shown` });
  }
  const logx = given.get('logx');
  if (logx !== undefined) {
    const v = parseViewFlag(logx);
    if (v !== undefined) view.logx = v;
    else problems.push({ key: 'logx', message: `logx=${safeText(logx)}: log x must be 1 or 0; using ${view.logx ? 1 : 0}` });
  }
  const present = given.get('present');
  if (present !== undefined) {
    const v = parseViewFlag(present);
    if (v !== undefined) view.present = v;
    else problems.push({ key: 'present', message: `present=${safeText(present)}: the presentation view must be 1 or 0; using ${view.present ? 1 : 0}` });
  }
  return view;
}

/** `baseReplaced`: the edited settings had a value replaced, which every run inherits. */
function parseRuns(text: string, base: Settings, problems: Problem[], baseReplaced = false): RunSpec[] {
  const runs: RunSpec[] = [];
  /** What each kept run was written as, and whether parsing replaced any of its values. */
  const bodies: { body: string; replaced: boolean }[] = [];
  const all = text.split(RUN_SEPARATOR);
  const tokens = all.filter((t) => t.length > 0);
  const empty = all.length - tokens.length;
  if (empty > 0) {
    const what = empty === 1 ? 'an empty run was' : `${empty} empty runs were`;
    problems.push({ key: 'runs', message: `runs: ${what} ignored (a comma at the start or the end, or two commas together)` });
  }
  if (tokens.length > MAX_RUNS) problems.push({ key: 'runs', message: `runs: at most ${MAX_RUNS} runs can be compared; the first ${MAX_RUNS} are used` });
  for (const token of tokens.slice(0, MAX_RUNS)) {
    const visible = !token.startsWith(HIDDEN_MARK);
    const body = visible ? token : token.slice(1);
    const entries: [string, string][] = [];
    let bad = false;
    if (body !== 'base') {
      for (const part of body.split(PART_SEPARATOR)) {
        const colon = part.indexOf(':');
        if (colon <= 0) {
          bad = true;
          break;
        }
        const name = part.slice(0, colon);
        const value = part.slice(colon + 1);
        entries.push([name, name === 'w0' ? value.replace('_', ',') : value]);
      }
    }
    if (bad) {
      problems.push({ key: 'runs', message: `runs: '${safeText(token)}' is not of the form name:value~name:value and was ignored` });
      continue;
    }
    const parsed = parseSettings(entries, base);
    for (const p of parsed.problems) problems.push({ key: 'runs', message: `runs (${safeText(body)}): ${p.message}` });
    underflowProblems(entries, `runs (${safeText(body)}): `, 'runs', problems);
    const settings = withoutNegativeZero(parsed.settings);
    const replaced = baseReplaced || parsed.problems.length > 0;
    const twin = findTwin(runs, bodies, settings, replaced);
    if (twin >= 0) {
      // Replacing bad values made two runs the same: drawing both would hide one under the other.
      runs[twin] = { ...runs[twin], visible: runs[twin].visible !== false || visible };
      problems.push({ key: 'runs', message: `runs: '${safeText(bodies[twin].body)}' and '${safeText(body)}' are the same run once their bad values are replaced; only the first is kept` });
      continue;
    }
    runs.push({ settings, visible });
    bodies.push({ body, replaced });
  }
  return runs;
}

/** The earlier run equal to these settings where one of the two had a value replaced, or -1; equal runs as written stay, as the page made them. */
function findTwin(runs: readonly RunSpec[], bodies: readonly { replaced: boolean }[], settings: Settings, replaced: boolean): number {
  return runs.findIndex((run, i) => (replaced || bodies[i].replaced) && settingsEqual(run.settings, settings));
}

/** Reads an experiment from a query string. Never throws; every ignored part is a problem. */
export function parseExperimentQuery(query: string): { experiment: Experiment; problems: Problem[] } {
  const problems: Problem[] = [];
  const fallback: Experiment = { settings: { ...DEFAULT_SETTINGS }, runs: [], view: { ...DEFAULT_VIEW }, question: null };
  if (query.length > MAX_QUERY_LENGTH) {
    problems.push({ key: '', message: `the link's query is ${query.length} characters long (limit ${MAX_QUERY_LENGTH}); it was ignored and the default experiment is shown` });
    return { experiment: fallback, problems };
  }
  const pairs = splitQuery(query, problems);
  const settingEntries: [string, string][] = [];
  const viewGiven = new Map<string, string>();
  for (const [key, value] of pairs) {
    if ((VIEW_KEYS as readonly string[]).includes(key)) {
      if (viewGiven.has(key)) problems.push({ key, message: `${key} was given more than once; the last value (${safeText(value)}) is used` });
      viewGiven.set(key, value);
    } else {
      settingEntries.push([key, value]);
    }
  }
  const parsed = parseSettings(settingEntries);
  problems.push(...parsed.problems);
  for (const entry of settingEntries) underflowProblems([entry], '', entry[0], problems);
  const settings = withoutNegativeZero(parsed.settings);
  const view = parseView(viewGiven, problems);
  const runsText = viewGiven.get('runs');
  const runs = runsText === undefined ? [] : parseRuns(runsText, settings, problems, parsed.problems.length > 0);
  let question: string | null = null;
  const q = viewGiven.get('q');
  if (q !== undefined) {
    if (QUESTION_PATTERN.test(q)) question = q;
    else problems.push({ key: 'q', message: `q=${safeText(q)}: not a question id; no question is shown` });
  }
  const at = parseAt(viewGiven.get('at'), problems);
  return { experiment: { settings, runs, view, question, ...(at ? { at } : {}) }, problems };
}

/** at=<step>: a whole number of steps (how far the runs go is checked when they are set up). */
function parseAt(text: string | undefined, problems: Problem[]): number | null {
  if (text === undefined) return null;
  const step = STEP_PATTERN.test(text.trim()) ? Number(text.trim()) : NaN;
  if (Number.isSafeInteger(step)) return step > 0 ? step : null;
  problems.push({ key: 'at', message: `at=${safeText(text)}: a moment must be a whole number of steps; the runs start at step 0` });
  return null;
}

/** Every name a link may carry, for documentation and `--help`-like listings. */
export const URL_PARAMETER_NAMES: readonly string[] = [...SETTING_NAMES, ...VIEW_KEYS];
