// The rules of the run roster, as pure functions of the runs and their roles:
// which run the settings describe, what each run is called, which colour a
// new run gets, and the order the worker sees the runs in.
import { settingsEqual } from '../core/settingsText.ts';
import type { Settings } from '../core/settings.ts';
import type { RunConfig } from '../worker/protocol.ts';
import type { RunRole } from './labState.ts';
import { pickColor } from './palette.ts';
import { runNames } from './runNames.ts';
import { newRun, type StoredRun } from './runRecords.ts';

export type Roles = Readonly<Record<string, RunRole>>;

/** Every run of `runs` in one role. */
export function rolesOf(runs: readonly StoredRun[], role: RunRole): Roles {
  return Object.fromEntries(runs.map((r) => [r.id, role]));
}

export function withRole(runs: readonly StoredRun[], roles: Roles, role: RunRole): StoredRun[] {
  return runs.filter((r) => roles[r.id] === role);
}

/** The run the settings describe: the live run with those settings, else the first live run, else any run with them, else the first. */
export function primaryOf(runs: readonly StoredRun[], roles: Roles, settings: Settings): StoredRun | null {
  const live = withRole(runs, roles, 'live');
  return live.find((r) => settingsEqual(r.settings, settings)) ?? live[0] ?? runs.find((r) => settingsEqual(r.settings, settings)) ?? runs[0] ?? null;
}

/** The runs named by what sets each apart from the others (a new object only for a run whose name changes). */
export function withNames(runs: readonly StoredRun[]): StoredRun[] {
  const names = runNames(runs.map((r) => r.settings));
  return runs.map((r, i) => (r.name === names[i] ? r : { ...r, name: names[i] }));
}

/**
 * New runs for `list`, reusing the colours and visibility of the runs they
 * replace, position by position, and never a colour of the runs kept beside them.
 */
export function freshRuns(
  list: readonly Settings[],
  nextId: () => string,
  replacing: readonly StoredRun[],
  keeping: readonly StoredRun[],
  visible?: readonly boolean[],
): StoredRun[] {
  const used = new Set(keeping.map((r) => r.color));
  return list.map((settings, i) => {
    const color = pickColor(used, replacing[i]?.color);
    used.add(color);
    return newRun(nextId(), settings, color, visible?.[i] ?? replacing[i]?.visible ?? true);
  });
}

/** Every run for the worker, the one the settings describe first (the speed is its steps per second). */
export function workerRuns(runs: readonly StoredRun[], roles: Roles, settings: Settings, replay: Readonly<Record<string, number>> = {}): RunConfig[] {
  const primary = primaryOf(runs, roles, settings);
  const ordered = primary ? [primary, ...runs.filter((r) => r !== primary)] : runs;
  return ordered.map((r) => (replay[r.id] ? { id: r.id, settings: r.settings, replayTo: replay[r.id] } : { id: r.id, settings: r.settings }));
}
