// The page: the transport, the charts, then the other controls, laid out by
// app/layout.css for each screen. On a laptop the controls are a column on the
// left and the loss chart and the weight space sit side by side at the top, so
// a 1366×768 screen shows play and both charts at once; on a phone it is one
// column under a transport bar that stays in reach. The presentation view
// (present=1) leaves the settings out and puts the question above the charts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { rasterWorker } from '../panels/shared/offThreadRaster.ts';
import { largestStableLr, maxStableLr, stableLrMomentum } from '../core/curvature.ts';
import { startWeights } from '../core/init.ts';
import type { Problem } from '../core/parseSettings.ts';
import { LossPanel } from '../panels/loss/LossPanel.tsx';
import { StatusLine } from '../ui/StatusLine.tsx';
import { WeightSpacePanel } from '../panels/weights/WeightSpacePanel.tsx';
import { statsFor } from '../panels/shared/dataCache.ts';
import { primaryRun, selectCanAdvance } from '../store/selectors.ts';
import { Timeline } from '../ui/Timeline.tsx';
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
import { useRunSource, useShownRunSource, useTextRuns } from './useTextRuns.ts';
import { shownRuns } from '../store/scrub.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { ChartImageButtons } from './ChartImageButtons.tsx';
import type { ChartExporter } from '../panels/shared/exportTypes.ts';
import { ExportMenu } from '../ui/ExportMenu.tsx';
import { CopyPytorchButton } from '../panels/loopView/CopyPytorchButton.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
// Below the top charts: loaded after the first paint.
import { DataPanel, PrimaryCaption, PrimaryLoopView, QuestionExplanation, QuestionsList } from './deferredParts.ts';
import { PresentButton } from './PresentButton.tsx';
import { Section } from '../ui/Section.tsx';

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
  const runs = useTextRuns(store);
  const live = useRunSource(store);
  // While the timeline looks back, every panel but the loss chart shows the runs as they were at that step.
  const timeline = useLab((s) => s.timeline);
  const shown = useMemo(() => shownRuns(runs, timeline), [runs, timeline]);
  const shownLive = useShownRunSource(store);
  const primaryRunId = useLab((s) => s.primaryRunId);
  const playback = useLab((s) => s.playback);
  const error = useLab((s) => s.error);
  const replayFailed = useLab((s) => s.replayFailed);
  const problems = useLab((s) => s.problems);
  const [editNote, setEditNote] = useState<Problem[]>([]);
  // One raster worker for both charts' whole repaints while a run trains (panels/shared/offThreadRaster.ts).
  const [raster] = useState(rasterWorker);
  useEffect(() => () => raster?.dispose(), [raster]);
  const lossExport = useRef<ChartExporter>(null);
  const weightExport = useRef<ChartExporter>(null);
  const dataExport = useRef<ChartExporter>(null);
  useChartView(view);

  // The deep model's curvature depends on the weights, so its stable rate is taken where the shown run
  // stands: where it is now, or at the step the timeline looks back at.
  const primary = primaryRun(runs, primaryRunId);
  const shownPrimary = primaryRun(shown, primaryRunId);
  const deepAt = settings.model === 'deep' ? (shownPrimary?.cursor ?? { w1: startWeights(settings)[0], w2: startWeights(settings)[1] }) : null;
  const deepW1 = deepAt?.w1 ?? 0;
  const deepW2 = deepAt?.w2 ?? 0;
  const maxLr = useMemo(() => {
    const { stats } = statsFor(settings);
    const mom = stableLrMomentum(settings);
    return settings.model === 'deep' ? maxStableLr(stats, 'deep', deepW1, deepW2, mom) : largestStableLr(stats, settings.model, mom);
  }, [settings, deepW1, deepW2]);
  const weightsShown = `(${deepW1.toPrecision(3)}, ${deepW2.toPrecision(3)})`;
  const lrWhere = settings.model !== 'deep' ? undefined : timeline ? `at step ${timeline.step}'s weights ${weightsShown}` : `at the current weights ${weightsShown}`;

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
      // Back one step or to the previous epoch boundary, by the timeline (while paused).
      stepBack: (epoch: boolean) => {
        const state = store.getState();
        const primary = primaryRun(state.runs, state.primaryRunId);
        if (!primary || state.playback.status === 'running') return;
        const at = state.timeline?.step ?? primary.cursor.step;
        const spe = primary.schedule.stepsPerEpoch;
        state.lookAt(epoch ? (Math.ceil(at / spe) - 1) * spe : at - 1);
      },
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

  // Looking back, the runs stand paused at the step looked at, and Play goes on from there.
  const status = error ? 'error' : timeline ? 'paused' : playback.status;
  const { present } = view;
  const questionText = <QuestionExplanation id={question} onClose={onCloseQuestion} runs={runs} />;
  return (
    <div className={present ? 'app present' : 'app'} data-testid="app">
      <header className="app-header">
        <h1>Epoch Lab</h1>
        <span className="tagline">What actually happens between epochs of mini-batch gradient descent?</span>
        <div className="header-actions">
          <PresentButton present={present} onChange={(on) => onView({ ...view, present: on })} />
          <CopyPytorchButton settings={settings} />
          <CopyLinkButton />
        </div>
      </header>
      <section className="transport-bar" aria-label="Transport">
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
      </section>
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
        {present ? questionText : null}
        <ViewControls view={view} onChange={onView} />
        <PanelBoundary store={store}>
          <div className="charts">
            <div className="chart-card chart-loss">
              <ChartImageButtons exporter={lossExport} chart="loss" />
              <LossPanel
                runs={runs}
                primaryRunId={primaryRunId}
                xAxis={view.x}
                yScale={view.y}
                smoothing={view.smooth}
                zoom={view.zoom}
                logX={view.logx}
                onZoom={(zoom) => onView({ ...view, zoom })}
                present={present}
                exportRef={lossExport}
                live={live}
                lookedAt={timeline?.step ?? null}
                raster={raster}
              />
            </div>
            <div className="chart-card chart-weights">
              <ChartImageButtons exporter={weightExport} chart="weight-space" />
              <WeightSpacePanel
                runs={shown}
                primaryRunId={primaryRunId}
                onPickInitialWeights={(w1, w2) => onSettings({ ...settings, w0: [w1, w2] })}
                present={present}
                exportRef={weightExport}
                live={shownLive}
                raster={raster}
              />
            </div>
          </div>
          <Timeline
            reached={primary?.cursor.step ?? 0}
            looking={timeline?.step ?? null}
            stepsPerEpoch={primary?.schedule.stepsPerEpoch ?? 1}
            onLook={(step) => store.getState().lookAt(step)}
          />
          <StatusLine runs={shown} primaryRunId={primaryRunId} />
          <div className="lower">
            <div className="chart-card chart-data">
              <ChartImageButtons exporter={dataExport} chart="data" />
              <DataPanel runs={shown} primaryRunId={primaryRunId} present={present} exportRef={dataExport} />
            </div>
            <div className="lower-text">
              {present ? null : questionText}
              <PrimaryCaption run={shownPrimary ?? null} />
            </div>
            <PrimaryLoopView run={shownPrimary ?? null} />
          </div>
        </PanelBoundary>
      </main>
      {present ? null : (
        <aside className="sidebar" aria-label="Controls">
          {derivedFacts}
          <RunsList
            runs={runs}
            onToggle={(id) => store.getState().toggleRunVisible(id)}
            onRemove={(id) => store.getState().removeRun(id)}
            onKeep={() => store.getState().keepRun()}
            onCompare={(kind) => store.getState().startComparison(kind)}
          />
          <Section title="Export" testId="section-export">
            <ExportMenu runs={runs} />
          </Section>
          <Section title="Questions" testId="section-questions">
            {questionsList}
          </Section>
          <Section title="Settings" testId="section-settings">
            {settingsPanel}
          </Section>
        </aside>
      )}
    </div>
  );
}
