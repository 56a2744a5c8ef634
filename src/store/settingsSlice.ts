// The settings being edited: a change starts new live runs beside the kept
// ones, a restored link replaces settings and runs at once, and anything
// invalid is refused whole, with the reasons. The checks are core's.
import { checkedSettings, settingsProblems } from '../core/settingsValidation.ts';
import { settingsEqual } from '../core/settingsText.ts';
import type { Problem } from '../core/parseSettings.ts';
import { MAX_RUNS } from '../worker/protocol.ts';
import { comparisonSettings, detectComparison } from './comparisons.ts';
import type { SettingsSlice, Slice } from './labState.ts';
import { rolesOf, withRole } from './roster.ts';
import { frozenSettings } from './runRecords.ts';
import { tooManyRuns, type StoreKit } from './storeKit.ts';

export const createSettingsSlice =
  (kit: StoreKit, initial: SettingsSlice['settings']): Slice<SettingsSlice> =>
  (set, get) => ({
    settings: initial,
    problems: [],

    setSettings(patch) {
      const current = get().settings;
      const checked = checkedSettings({ ...current, ...patch });
      if (!checked.ok) return kit.refuse(checked.problems);
      // Only the known fields: whatever else a caller passed does not ride along into the runs.
      const settings = frozenSettings(checked.value);
      if (settingsEqual(settings, current)) {
        set({ problems: [] });
        return [];
      }
      const { comparison, runs, roles } = get();
      const kept = withRole(runs, roles, 'kept');
      const liveSettings = comparison ? comparisonSettings(settings, comparison) : [settings];
      if (kept.length + liveSettings.length > MAX_RUNS) return kit.refuse(tooManyRuns(kept.length + liveSettings.length));
      const live = kit.freshRuns(liveSettings, withRole(runs, roles, 'live'), kept);
      kit.install([...kept, ...live], { ...rolesOf(kept, 'kept'), ...rolesOf(live, 'live') }, { settings, problems: [] });
      return [];
    },

    configureRuns(list, settings) {
      const base = settings ?? get().settings;
      const problems: Problem[] = settingsProblems(base).map((p) => ({ ...p, message: `settings: ${p.message}` }));
      if (list.length > MAX_RUNS) problems.push(...tooManyRuns(list.length));
      list.forEach((spec, i) => {
        for (const p of settingsProblems(spec?.settings)) problems.push({ key: p.key, message: `run ${i + 1}: ${p.message}` });
      });
      if (problems.length) return kit.refuse(problems);
      const frozenBase = frozenSettings(base);
      if (!list.length) {
        const runs = kit.freshRuns([frozenBase], [], []);
        kit.install(runs, rolesOf(runs, 'live'), { settings: frozenBase, comparison: null, problems: [] });
        return [];
      }
      const runSettings = list.map((spec) => spec.settings);
      const kind = detectComparison(frozenBase, runSettings);
      const runs = kit.freshRuns(runSettings, [], [], list.map((spec) => spec.visible ?? true));
      // A comparison stays one; otherwise the run the settings describe goes on following them, as it did before the link was made.
      const current = kind ? null : runs.find((r) => settingsEqual(r.settings, frozenBase));
      const roles = kind ? rolesOf(runs, 'live') : { ...rolesOf(runs, 'kept'), ...(current ? { [current.id]: 'live' as const } : {}) };
      kit.install(runs, roles, { settings: frozenBase, comparison: kind, problems: [] });
      return [];
    },

    clearProblems() {
      set({ problems: [] });
    },
  });
