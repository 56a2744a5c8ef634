// The page: controls on the left; the loss chart and the weight space side by
// side at the top, so a 1366×768 screen shows play and both charts at once.
import { useCallback, useMemo, useRef, useState } from 'react';
import { largestStableLr, maxStableLr } from '../core/curvature.ts';
import { startWeights } from '../core/init.ts';
import type { Problem } from '../core/parseSettings.ts';
import { LossPanel } from '../panels/loss/LossPanel.tsx';
import { StatusLine } from '../ui/StatusLine.tsx';
import { WeightSpacePanel } from '../panels/weights/WeightSpacePanel.tsx';
import { DataPanel } from '../panels/data/DataPanel.tsx';
import { statsFor } from '../panels/shared/dataCache.ts';
import { primaryRun, selectCanAdvance } from '../store/selectors.ts';
import { DerivedFacts } from '../ui/DerivedFacts.tsx';
import { Notice } from '../ui/Notice.tsx';
import { RunsList } from '../ui/RunsList.tsx';
import { SettingsPanel } from '../ui/SettingsPanel.tsx';
import { Transport } from '../ui/Transport.tsx';
import { ViewControls } from '../ui/ViewControls.tsx';
import type { ViewState } from '../url/view.ts';
import { useLab, useLabStore } from './labContext.ts';
import { useChartView } from './useChartView.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { ChartImageButtons } from './ChartImageButtons.tsx';
import { ExportMenu } from '../ui/ExportMenu.tsx';
import { PrimaryCaption } from './PrimaryCaption.tsx';
import { PrimaryLoopView } from './PrimaryLoopView.tsx';
import { CopyPytorchButton } from '../panels/loopView/CopyPytorchButton.tsx';
import { QuestionExplanation } from './QuestionExplanation.tsx';
import { QuestionsList } from './QuestionsList.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';

export interface AppProps {
  view: ViewState;
  onView(view: ViewState): void;
  linkProblems: readonly Problem[];
  onDismissLinkProblems(): void;
  onRunStarted(): void;
  question: string | null;
  onOpenLink(query: string): void;
  onCloseQuestion(): void;
}

export function App({ view, onView, linkProblems, onDismissLinkProblems, onRunStarted, question, onOpenLink, onCloseQuestion }: AppProps) {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const runs = useLab((s) => s.runs);
  const primaryRunId = useLab((s) => s.primaryRunId);
  const playback = useLab((s) => s.playback);
  const error = useLab((s) => s.error);
  const replayFailed = useLab((s) => s.replayFailed);
  const problems = useLab((s) => s.problems);
  const [editNote, setEditNote] = useState<Problem[]>([]);
  const lossCard = useRef<HTMLDivElement>(null);
  const weightCard = useRef<HTMLDivElement>(null);
  const dataCard = useRef<HTMLDivElement>(null);
  useChartView(view);

  // The deep model's curvature depends on the weights, so its stable rate is taken where the run is now.
  const primary = primaryRun(runs, primaryRunId);
  const deepAt = settings.model === 'deep' ? (primary?.cursor ?? { w1: startWeights(settings)[0], w2: startWeights(settings)[1] }) : null;
  const deepW1 = deepAt?.w1 ?? 0;
  const deepW2 = deepAt?.w2 ?? 0;
  const maxLr = useMemo(() => {
    const { stats } = statsFor(settings);
    return settings.model === 'deep' ? maxStableLr(stats, 'deep', deepW1, deepW2, settings.mom) : largestStableLr(stats, settings.model, settings.mom);
  }, [settings, deepW1, deepW2]);
  const lrWhere = settings.model === 'deep' ? `at the current weights (${deepW1.toPrecision(3)}, ${deepW2.toPrecision(3)})` : undefined;

  const actions = useMemo(() => {
    // Any way of advancing starts the run: the experiment gets its own history entry.
    const advance = (go: () => void) => () => {
      if (!selectCanAdvance(store.getState())) return;
      onRunStarted();
      go();
    };
    return {
      togglePlay: () => {
        if (store.getState().playback.status === 'running') store.getState().pause();
        else advance(() => store.getState().play())();
      },
      step: advance(() => store.getState().step()),
      stepEpoch: advance(() => store.getState().stepEpoch()),
      reset: () => store.getState().reset(),
    };
  }, [store, onRunStarted]);
  useKeyboardShortcuts(actions);

  const onSettings = useCallback(
    (next: typeof settings) => {
      setEditNote(store.getState().setSettings(next));
    },
    [store],
  );

  // The sidebar's parts depend on the settings, not on the runs: they are not
  // rebuilt for each chunk of records, which arrive up to once per frame.
  const derivedFacts = useMemo(() => <DerivedFacts settings={settings} maxStableLr={maxLr} where={lrWhere} />, [settings, maxLr, lrWhere]);
  const questionsList = useMemo(() => <QuestionsList active={question} onOpen={onOpenLink} />, [question, onOpenLink]);
  const settingsPanel = useMemo(() => <SettingsPanel settings={settings} onChange={onSettings} />, [settings, onSettings]);

  const status = error ? 'error' : playback.status;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Epoch Lab</h1>
        <span className="tagline">What actually happens between epochs of mini-batch gradient descent?</span>
        <div className="header-actions">
          <CopyPytorchButton settings={settings} />
          <CopyLinkButton />
        </div>
      </header>
      <aside className="sidebar" aria-label="Controls">
        <Transport
          status={status}
          speed={view.speed}
          onPlay={actions.togglePlay}
          onPause={() => store.getState().pause()}
          onStep={actions.step}
          onStepEpoch={actions.stepEpoch}
          onReset={actions.reset}
          onSpeed={(speed) => onView({ ...view, speed })}
        />
        {derivedFacts}
        <RunsList
          runs={runs}
          onToggle={(id) => store.getState().toggleRunVisible(id)}
          onRemove={(id) => store.getState().removeRun(id)}
          onKeep={() => store.getState().keepRun()}
          onCompare={(kind) => store.getState().startComparison(kind)}
        />
        <ExportMenu runs={runs} />
        {questionsList}
        {settingsPanel}
      </aside>
      <main className="main">
        {error && (
          <div className="notice error" role="alert" data-testid="worker-error">
            <div className="notice-body">{error}</div>
            <button type="button" data-testid="restart-worker" onClick={() => store.getState().restartWorker()}>
              {replayFailed ? 'Replay again' : 'Restart training'}
            </button>
            {replayFailed && (
              <button type="button" data-testid="restart-from-zero" onClick={() => store.getState().restartWorker(true)}>
                Start from step 0
              </button>
            )}
          </div>
        )}
        <Notice title="Some parts of this link were not used:" problems={linkProblems} onDismiss={onDismissLinkProblems} />
        <Notice title="That change was refused:" problems={problems.length ? problems : editNote} onDismiss={() => {
          store.getState().clearProblems();
          setEditNote([]);
        }} />
        <ViewControls view={view} onChange={onView} />
        <PanelBoundary store={store}>
          <div className="charts">
            <div className="chart-card chart-loss" ref={lossCard}>
              <ChartImageButtons card={lossCard} chart="loss" />
              <LossPanel
                runs={runs}
                primaryRunId={primaryRunId}
                xAxis={view.x}
                yScale={view.y}
                smoothing={view.smooth}
                zoom={view.zoom}
                logX={view.logx}
                onZoom={(zoom) => onView({ ...view, zoom })}
              />
            </div>
            <div className="chart-card chart-weights" ref={weightCard}>
              <ChartImageButtons card={weightCard} chart="weight-space" />
              <WeightSpacePanel runs={runs} primaryRunId={primaryRunId} onPickInitialWeights={(w1, w2) => onSettings({ ...settings, w0: [w1, w2] })} />
            </div>
          </div>
          <StatusLine runs={runs} primaryRunId={primaryRunId} />
          <div className="lower">
            <div className="chart-card chart-data" ref={dataCard}>
              <ChartImageButtons card={dataCard} chart="data" />
              <DataPanel runs={runs} primaryRunId={primaryRunId} />
            </div>
            <div className="lower-text">
              <QuestionExplanation id={question} onClose={onCloseQuestion} runs={runs} />
              <PrimaryCaption />
            </div>
            <PrimaryLoopView />
          </div>
        </PanelBoundary>
      </main>
    </div>
  );
}
