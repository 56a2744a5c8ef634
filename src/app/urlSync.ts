// Keeps the address bar and the experiment in step. Every edit replaces the
// current history entry, unless the experiment it replaces was played (a run
// started on it, or it was running or had taken steps when the edit came):
// then the edit opens a new entry, so back returns to the experiment that ran,
// including one that began by an edit while running. Back/forward restore.
import { settingsEqual } from '../core/settingsText.ts';
import type { RunSpec } from '../store/runTypes.ts';
import { selectMoment } from '../store/selectors.ts';
import type { LabState, LabStore } from '../store/store.ts';
import { experimentToQuery, parseExperimentQuery, type Experiment } from '../url/experimentUrl.ts';
import type { ViewState } from '../url/view.ts';
import type { Problem } from '../core/parseSettings.ts';

export interface PageState {
  view: ViewState;
  question: string | null;
}

/** The experiment as the URL records it: the runs are written only when they are not just the edited settings. */
export function experimentOf(state: LabState, page: PageState): Experiment {
  const single = state.runs.length === 1 && state.runs[0].visible && settingsEqual(state.runs[0].settings, state.settings);
  const runs: RunSpec[] = single ? [] : state.runs.map((r) => ({ settings: r.settings, visible: r.visible }));
  const at = selectMoment(state);
  return { settings: state.settings, runs, view: page.view, question: page.question, ...(at ? { at } : {}) };
}

/** Applies a parsed experiment to the store; the problems are those of the link and of applying it. */
export function applyExperiment(store: LabStore, experiment: Experiment): Problem[] {
  const problems = store.getState().configureRuns(experiment.runs, experiment.settings);
  // A moment (at=) opens every run paused where it stands then; refused runs leave nothing to open at.
  if (experiment.at && !problems.length) problems.push(...store.getState().openAt(experiment.at));
  return problems;
}

export function readLocation(): { experiment: Experiment; problems: Problem[] } {
  return parseExperimentQuery(window.location.search);
}

/** The experiment on screen has been played: it is running, or some run has taken a step. */
export function hasRun(state: LabState): boolean {
  return state.playback.status === 'running' || state.runs.some((r) => r.cursor.step > 0);
}

export interface UrlWriter {
  /** Writes the experiment to the address bar: a new entry when the one it replaces ran (`replacedRan`, or a run started since), else in place. */
  write(experiment: Experiment, replacedRan?: boolean): void;
  /** A run started: the next change of experiment gets its own history entry. */
  markRunStarted(): void;
}

export function createUrlWriter(): UrlWriter {
  let pushNext = false;
  return {
    write(experiment, replacedRan = false) {
      const query = experimentToQuery(experiment);
      if (query === window.location.search || (query === '' && window.location.search === '')) return;
      const url = window.location.pathname + query + window.location.hash;
      if (pushNext || replacedRan) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      pushNext = false;
    },
    markRunStarted() {
      pushNext = true;
    },
  };
}
