// Owns what is page-level rather than training state: the chart view, the
// link's problems, and the two-way binding between the experiment and the URL.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../core/parseSettings.ts';
import type { LabStore } from '../store/store.ts';
import { selectMoment } from '../store/selectors.ts';
import type { Experiment } from '../url/experimentUrl.ts';
import { App } from './App.tsx';
import { questionById } from './questions.ts';
import { LabStoreContext } from './labContext.ts';
import { applyExperiment, createUrlWriter, experimentOf, hasRun, readLocation, type PageState } from './urlSync.ts';

function questionProblems(experiment: Experiment): Problem[] {
  if (experiment.question === null || questionById(experiment.question)) return [];
  return [{ key: 'q', message: `q=${experiment.question}: there is no such question; the experiment is shown without one` }];
}

export interface RootProps {
  store: LabStore;
  initial: { experiment: Experiment; problems: Problem[] };
}

export function Root({ store, initial }: RootProps) {
  const [page, setPage] = useState<PageState>({ view: initial.experiment.view, question: initial.experiment.question });
  const [linkProblems, setLinkProblems] = useState<Problem[]>(() => [
    ...initial.problems,
    ...questionProblems(initial.experiment),
    ...applyExperiment(store, initial.experiment),
  ]);
  const writer = useRef(createUrlWriter());

  // Experiment → address bar, on every change of settings, runs or view.
  useEffect(() => {
    writer.current.write(experimentOf(store.getState(), page));
    return store.subscribe((state, prev) => {
      const trained = state.settings !== prev.settings || state.runs.length !== prev.runs.length || state.runs.some((r, i) => r.settings !== prev.runs[i]?.settings);
      const shown = state.runs.some((r, i) => r.visible !== prev.runs[i]?.visible);
      // A pause part-way, or a look back, is a moment the link records (at=), in place.
      const moment = selectMoment(state) !== selectMoment(prev);
      // Only a change of what is trained leaves a played experiment behind; hiding a run does not.
      if (trained || shown || moment) writer.current.write(experimentOf(state, page), trained && hasRun(prev));
    });
  }, [page, store]);

  // The page's speed choice drives the worker's pace.
  useEffect(() => {
    store.getState().setSpeed(page.view.speed);
  }, [page.view.speed, store]);

  // The address bar → experiment: on back/forward, and when a question's link is opened in place.
  const loadLocation = useCallback(() => {
    const { experiment, problems } = readLocation();
    setPage({ view: experiment.view, question: experiment.question });
    setLinkProblems([...problems, ...questionProblems(experiment), ...applyExperiment(store, experiment)]);
  }, [store]);
  useEffect(() => {
    window.addEventListener('popstate', loadLocation);
    return () => window.removeEventListener('popstate', loadLocation);
  }, [loadLocation]);
  const onOpenLink = useCallback(
    (query: string) => {
      window.history.pushState(null, '', window.location.pathname + query);
      loadLocation();
    },
    [loadLocation],
  );

  const onRunStarted = useCallback(() => {
    if (store.getState().runs.every((r) => r.cursor.step === 0)) writer.current.markRunStarted();
  }, [store]);

  return (
    <LabStoreContext.Provider value={store}>
      <App
        view={page.view}
        onView={(view) => setPage((p) => ({ ...p, view }))}
        linkProblems={linkProblems}
        onDismissLinkProblems={() => setLinkProblems([])}
        onRunStarted={onRunStarted}
        question={page.question}
        onOpenLink={onOpenLink}
        onCloseQuestion={() => setPage((p) => ({ ...p, question: null }))}
      />
    </LabStoreContext.Provider>
  );
}
