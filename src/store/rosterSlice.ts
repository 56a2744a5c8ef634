// The run roster: which runs are on the charts, their roles, names, colours
// and visibility. Installing a whole new set of runs is the kit's (settings
// changes and comparisons both do it); this slice keeps, removes and hides runs.
import { comparisonSettings } from './comparisons.ts';
import type { RosterSlice, Slice } from './labState.ts';
import { primaryOf, rolesOf, withNames, withRole } from './roster.ts';
import type { StoredRun } from './runRecords.ts';
import type { StoreKit } from './storeKit.ts';

export type StoredRoster = Omit<RosterSlice, 'runs'> & { runs: StoredRun[] };

export const createRosterSlice =
  (kit: StoreKit): Slice<StoredRoster> =>
  (set, get) => ({
    runs: [],
    roles: {},
    primaryRunId: null,
    comparison: null,

    keepRun() {
      const { runs, roles } = get();
      if (!withRole(runs, roles, 'live').length) return;
      set({ roles: rolesOf(runs, 'kept'), comparison: null });
    },

    startComparison(kind) {
      const runs = kit.freshRuns(comparisonSettings(get().settings, kind), [], []);
      kit.install(runs, rolesOf(runs, 'live'), { comparison: kind, problems: [] });
    },

    removeRun(id) {
      const { runs, roles, comparison, settings } = get();
      const removed = runs.find((r) => r.id === id);
      if (!removed || runs.length === 1) return;
      // A comparison missing one of its runs is no longer that comparison: the rest stay as kept runs.
      const breaksComparison = roles[id] === 'live' && comparison !== null;
      const rest = withNames(runs.filter((r) => r !== removed));
      const nextRoles = breaksComparison ? rolesOf(rest, 'kept') : Object.fromEntries(rest.map((r) => [r.id, roles[r.id]]));
      kit.link.post({ type: 'remove', id });
      set({
        runs: rest,
        roles: nextRoles,
        primaryRunId: primaryOf(rest, nextRoles, settings)?.id ?? null,
        comparison: breaksComparison ? null : comparison,
      });
    },

    toggleRunVisible(id) {
      const { runs } = get();
      if (!runs.some((r) => r.id === id)) return;
      set({ runs: runs.map((r) => (r.id === id ? { ...r, visible: !r.visible } : r)) });
    },
  });
