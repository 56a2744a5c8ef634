// Command-line arguments → what to do. Pure: no process, no I/O, so every rule
// is unit-tested without spawning the tool. Strict on purpose: a typo that
// silently fell back to a default would print a believable but wrong run.
import { DEFAULT_SETTINGS, SETTING_NAMES, SETTING_SPECS } from '../core/settings.ts';
import { BOOLEAN_WORDS, isBooleanWord, parseNumber, parseSettings } from '../core/parseSettings.ts';
import { safeText } from '../core/safeText.ts';
import type { Settings, SettingSpec } from '../core/settings.ts';
import { createSchedule } from '../core/schedule.ts';

export const OUTPUT_MODES = ['summary', 'json', 'csv', 'pytorch'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

/** Flags that choose the output rather than the experiment. */
const OUTPUT_FLAGS: Readonly<Record<string, OutputMode>> = { json: 'json', csv: 'csv', pytorch: 'pytorch' };

export type Command =
  | { kind: 'help' }
  /** `at`: --json reports the run as it stood after that many steps (absent: the whole run). */
  | { kind: 'run'; settings: Settings; output: OutputMode; at?: number }
  | { kind: 'error'; messages: string[] };

/** The flag that stops the report at a step rather than choosing the experiment. */
const AT_FLAG = 'at';

const SPEC_BY_NAME: ReadonlyMap<string, SettingSpec> = new Map(SETTING_SPECS.map((s) => [s.name, s]));

/** Edit distance, for "did you mean" hints on mistyped flags (names are short). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

function suggestion(name: string): string {
  const known = [...SETTING_NAMES, ...Object.keys(OUTPUT_FLAGS), AT_FLAG, 'help'];
  const lower = name.toLowerCase();
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? ` (did you mean --${best}?)` : '';
}

/** A flag given twice is most likely a mistake in a long command line; the web page may forgive it, the CLI does not. */
function repeatedFlags(entries: readonly [string, string][]): string[] {
  const counts = new Map<string, number>();
  for (const [name] of entries) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([name, count]) => `--${name} was given ${count} times; give it once`);
}

function lastOfEach(entries: readonly [string, string][]): [string, string][] {
  return [...new Map(entries)];
}

/**
 * The settings parser says which value it falls back to ("; using 100"),
 * which is right for a link but wrong here: the CLI refuses to run instead.
 */
function withoutFallback(message: string): string {
  return message.replace(/(;\s*using|,\s*so it uses) .*$/, '');
}

/** `--drop maybe` or `--drop=maybe` (as `joiner` says): names the flag and every word it accepts. */
function badBoolean(name: string, joiner: ' ' | '=', value: string): string {
  return `--${name}${joiner}${safeText(value)}: --${name} is a yes/no flag; give it alone (meaning true) or with one of ${BOOLEAN_WORDS.join(', ')}`;
}

/**
 * Reads `--name value`, `--name=value` and bare boolean flags (`--drop`).
 * A value flag takes the next argument even when it starts with a single `-`
 * (so `--rho -0.5` and `--w0 -1,2` work), but never one starting with `--`.
 * A boolean flag takes the next argument only when it is a boolean word
 * (`--drop false`); there are no positional arguments it could steal.
 */
export function parseArgs(argv: readonly string[]): Command {
  const messages: string[] = [];
  const entries: [string, string][] = [];
  const outputs: OutputMode[] = [];
  const ats: string[] = [];
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      messages.push(`unexpected argument '${safeText(arg)}': every option is a flag such as --n 100`);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);

    // Own properties only: `in` would take --constructor, --toString and --__proto__ for output flags.
    if (Object.hasOwn(OUTPUT_FLAGS, name)) {
      if (inline !== undefined) messages.push(`--${name} takes no value (got '${safeText(inline)}')`);
      else outputs.push(OUTPUT_FLAGS[name]);
      continue;
    }
    if (name === AT_FLAG) {
      const value = inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
      if (value === undefined || value.trim() === '') messages.push('--at needs a step (a whole number from 0 to the total steps)');
      else ats.push(value);
      continue;
    }
    const spec = SPEC_BY_NAME.get(name);
    if (spec === undefined) {
      messages.push(`unknown flag --${safeText(name)}${suggestion(name)}; see --help`);
      continue;
    }
    if (inline !== undefined) {
      if (inline.trim() === '') messages.push(`--${name}= has no value (${spec.allowed})`);
      else if (spec.kind === 'boolean' && !isBooleanWord(inline.trim())) messages.push(badBoolean(name, '=', inline));
      else entries.push([name, inline]);
      continue;
    }
    const next = argv[i + 1];
    if (spec.kind === 'boolean') {
      if (next !== undefined && isBooleanWord(next)) {
        entries.push([name, next]);
        i++;
      } else if (next !== undefined && !next.startsWith('-')) {
        // No positional arguments exist, so a word after a boolean flag was meant as its value.
        messages.push(badBoolean(name, ' ', next));
        i++;
      } else {
        entries.push([name, 'true']);
      }
      continue;
    }
    if (next === undefined || next.startsWith('--')) {
      messages.push(`--${name} needs a value (${spec.allowed})`);
      continue;
    }
    entries.push([name, next]);
    i++;
  }

  if (help && messages.length === 0) return { kind: 'help' };
  if (outputs.length > 1) {
    messages.push(`choose one output: --${[...new Set(outputs)].join(', --')} were all given`);
  }
  messages.push(...repeatedFlags(entries));
  const parsed = parseSettings(lastOfEach(entries));
  const givenNames = new Set(entries.map(([name]) => name));
  for (const problem of parsed.problems) {
    if (problem.key === 'b' && !givenNames.has('b')) {
      const n = parsed.settings.n;
      messages.push(`--n ${n} is smaller than the default batch size (${DEFAULT_SETTINGS.b}); give --b as well (an integer from 1 to ${n})`);
    } else {
      messages.push(`--${withoutFallback(problem.message)}`);
    }
  }
  const output = outputs[0] ?? 'summary';
  const at = ats.length > 0 ? atStep(ats, output, parsed.settings, messages) : undefined;
  if (messages.length > 0) return { kind: 'error', messages };
  return at === undefined ? { kind: 'run', settings: parsed.settings, output } : { kind: 'run', settings: parsed.settings, output, at };
}

/** The step --at names, or undefined with the reason pushed to `messages`. */
function atStep(given: readonly string[], output: OutputMode, settings: Settings, messages: string[]): number | undefined {
  const raw = given[given.length - 1];
  const before = messages.length;
  if (given.length > 1) messages.push(`--at was given ${given.length} times; give it once`);
  if (output !== 'json') messages.push(`--at ${safeText(raw)}: --at reports a run up to a step and works with --json only`);
  const { totalSteps } = createSchedule(settings);
  const step = parseNumber(raw);
  if (step === undefined || !Number.isInteger(step) || step < 0 || step > totalSteps) {
    messages.push(`--at ${safeText(raw)}: the step must be a whole number from 0 to the run's ${totalSteps.toLocaleString('en-US')} steps`);
  }
  return messages.length === before ? step : undefined;
}
