// Owns what is page-level rather than training state: the chart view, the
// link's problems, and the two-way binding between the experiment and the URL.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../core/parseSettings.ts';
import type { LabStore } from '../store/store.ts';
import { selectMoment } from '../store/selectors.ts';
import type { Experiment } from '../url/experimentUrl.ts';
import { App } from './App.tsx';
import { LabStoreContext } from './labContext.ts';
import { applyExperiment, createUrlWriter, experimentOf, hasRun, readLocation, type PageState } from './urlSync.ts';
import { loadPart } from '../panels/shared/lazyPart.ts';

/**
 * What is wrong with the link's q=, if anything. The questions are loaded after
 * the first paint (they are not needed to draw it), so this is asynchronous.
 */
async function questionProblems(question: string | null): Promise<Problem[]> {
  if (question === null) return [];
  try {
    const { questionById } = await loadPart('the questions', () => import('./questions.ts'));
    if (questionById(question)) return [];
    return [{ key: 'q', message: `q=${question}: there is no such question; the experiment is shown without one` }];
  } catch (error) {
    return [{ key: 'q', message: `q=${question}: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

export interface RootProps {
  store: LabStore;
  initial: { experiment: Experiment; problems: Problem[] };
}

export function Root({ store, initial }: RootProps) {
  const [page, setPage] = useState<PageState>({ view: initial.experiment.view, question: initial.experiment.question });
  const [linkProblems, setLinkProblems] = useState<Problem[]>(() => [...initial.problems, ...applyExperiment(store, initial.experiment)]);
  // Each reading of a link (the first, back/forward, a question opened in place) checks its q= once.
  const [linkRead, setLinkRead] = useState({ question: initial.experiment.question });
  useEffect(() => {
    let live = true;
    void questionProblems(linkRead.question).then((found) => {
      if (live && found.length) setLinkProblems((shown) => [...shown, ...found]);
    });
    return () => {
      live = false;
    };
  }, [linkRead]);
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
    setLinkProblems([...problems, ...applyExperiment(store, experiment)]);
    setLinkRead({ question: experiment.question });
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
