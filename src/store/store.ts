// The single source of truth for the page: settings, runs and playback. Only
// the store talks to the training worker; panels and controls read RunViews
// and call actions. Each run's records live in bounded LOD buffers that the
// views expose without copying, and each chunk from the worker becomes
// exactly one state update, so rendering keeps pace at any training speed.
//
// Runs come in two roles. Live runs follow the settings (one run, or the runs
// of a comparison built around them); kept runs keep their own settings. Any
// change to the set of runs configures the worker afresh, so every run starts
// again from step 0 and all of them advance in lockstep by epoch.
import { create } from 'zustand';
import { checkSettings, createSchedule, DEFAULT_SETTINGS, settingsEqual, type Problem, type Schedule, type Settings } from '../core/index.ts';
import { isOutMessage, MAX_RUNS, MAX_STEPS_PER_SECOND, settingsShapeProblem, validateSettings, type InMessage, type OutMessage, type Speed } from '../worker/protocol.ts';
import { comparisonSettings, detectComparison, type ComparisonKind } from './comparisons.ts';
import { EpochLog } from './epochLog.ts';
import { LodSeries } from './lod.ts';
import { pickColor } from './palette.ts';
import { runNames } from './runNames.ts';
import type { RunCursor, RunStatus, RunView } from './runTypes.ts';
import type { WorkerFactory, WorkerLike } from './workerLike.ts';

export const DEFAULT_SPEED: Speed = 10;
export { MAX_RUNS };

export interface Playback {
  /** The worker's overall status: done when every run has stopped, diverged when every run diverged. */
  status: RunStatus;
  /** Gradient steps per second of the primary run, or 'max'. */
  speed: Speed;
}

/** A run to restore: its settings and whether it is drawn (the URL's RunSpec fits). */
export interface RunSpec {
  settings: Settings;
  visible?: boolean;
}

export interface LabState {
  /** The settings being edited; the live runs follow them. */
  settings: Settings;
  /** Every run on the charts, in display order. A new array whenever anything about a run changes. */
  runs: RunView[];
  /** The run the settings describe (speed and status line refer to it). */
  primaryRunId: string | null;
  /** The comparison the live runs form, or null for a single live run. */
  comparison: ComparisonKind | null;
  playback: Playback;
  /** Why training stopped when the worker failed; restartWorker() clears it. */
  error: string | null;
  /** Why the last refused change was refused; cleared by the next accepted one or clearProblems(). */
  problems: Problem[];

  /** Applies a partial (or full) settings change; refuses it whole, with the reasons, when invalid. */
  setSettings(patch: Partial<Settings>): Problem[];
  play(): void;
  pause(): void;
  /** Exactly one gradient step of every run (pauses first when running). */
  step(): void;
  /** Every run to its next epoch boundary. */
  stepEpoch(): void;
  /** Every run back to step 0 with the same settings. */
  reset(): void;
  setSpeed(speed: Speed): Problem[];
  /** The live runs stay on the charts with their settings; the next settings change starts new ones beside them. */
  keepRun(): void;
  /** Replaces every run with a comparison built around the current settings. */
  startComparison(kind: ComparisonKind): void;
  /** Removes a run without disturbing the others; the last run cannot be removed. */
  removeRun(id: string): void;
  toggleRunVisible(id: string): void;
  /** Replaces settings and runs at once (restoring a link); refuses the whole list, with reasons, if any part is invalid. */
  configureRuns(runs: readonly RunSpec[], settings?: Settings): Problem[];
  /** A fresh worker after a failure; every run starts again from step 0. */
  restartWorker(): void;
  clearProblems(): void;
  /** Terminates the worker; the store does nothing more. */
  dispose(): void;
}

export interface LabStoreOptions {
  /** Called once at creation and again on each restart. */
  createWorker: WorkerFactory;
  /** Runs the callback once the page has drawn what the last chunk changed (default: after the next frame). */
  afterDraw?: (callback: () => void) => void;
  settings?: Settings;
  speed?: Speed;
}

type Role = 'live' | 'kept';

interface RunEntry {
  readonly id: string;
  readonly settings: Settings;
  readonly schedule: Schedule;
  readonly lossSeries: LodSeries;
  readonly batchLossSeries: LodSeries;
  readonly epochs: EpochLog;
  role: Role;
  name: string;
  color: string;
  visible: boolean;
  cursor: RunCursor;
  status: RunStatus;
  message: string | null;
  version: number;
  view: RunView;
}

const RESTART_NOTE = 'Restart the worker to continue; every run then starts again from step 0 with its settings.';

function frozenSettings(settings: Settings): Settings {
  return Object.freeze({ ...settings, w0: Object.freeze([settings.w0[0], settings.w0[1]]) as readonly [number, number] });
}

function startCursor(settings: Settings): RunCursor {
  // The starting loss comes from the worker with the first chunk, within a frame of configuring.
  return { step: 0, epoch: 0, batchInEpoch: 0, w1: settings.w0[0], w2: settings.w0[1], loss: NaN, batchLoss: NaN, lr: settings.lr, batch: new Uint32Array(0), batchSize: 0 };
}

function viewOf(e: RunEntry): RunView {
  return {
    id: e.id,
    name: e.name,
    color: e.color,
    visible: e.visible,
    settings: e.settings,
    schedule: e.schedule,
    lossSeries: e.lossSeries,
    batchLossSeries: e.batchLossSeries,
    epochs: e.epochs,
    cursor: e.cursor,
    status: e.status,
    message: e.message,
    version: e.version,
  };
}

function isSpeed(value: unknown): value is Speed {
  return value === 'max' || (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_STEPS_PER_SECOND);
}

/** The problems of a would-be Settings value, type errors first (checkSettings assumes the types are right). */
function settingsProblems(candidate: unknown): Problem[] {
  const shape = settingsShapeProblem(candidate);
  return shape ? [shape] : checkSettings(candidate as Settings);
}

/**
 * After the next frame has been painted, or within 100 ms when no frame comes
 * (a background tab), so a hidden page slows training instead of stopping it.
 */
function afterNextFrame(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

function errorMessage(event: { message?: unknown } | null | undefined): string {
  const text = event && typeof event.message === 'string' ? event.message.trim() : '';
  return text || 'the training worker stopped unexpectedly';
}

/**
 * Creates the store (a Zustand hook that is also a vanilla store:
 * getState / setState / subscribe) and starts the worker with one live run.
 */
export function createLabStore(options: LabStoreOptions) {
  const initialSettings = frozenSettings(options.settings ?? DEFAULT_SETTINGS);
  const initialProblems = settingsProblems(initialSettings);
  if (initialProblems.length) throw new RangeError(`Invalid initial settings: ${initialProblems.map((p) => p.message).join('; ')}`);

  const afterDraw = options.afterDraw ?? afterNextFrame;
  let worker: WorkerLike | null = null;
  let entries: RunEntry[] = [];
  let session = 0;
  let nextRunNumber = 1;

  const store = create<LabState>()((set, get) => {
    function newEntry(settings: Settings, role: Role, color: string, visible: boolean): RunEntry {
      const frozen = frozenSettings(settings);
      const entry: RunEntry = {
        id: `run-${nextRunNumber++}`,
        settings: frozen,
        schedule: createSchedule(frozen),
        lossSeries: new LodSeries('loss'),
        batchLossSeries: new LodSeries('batchLoss'),
        epochs: new EpochLog(),
        role,
        name: '',
        color,
        visible,
        cursor: startCursor(frozen),
        status: 'idle',
        message: null,
        version: 0,
        view: undefined as unknown as RunView,
      };
      entry.view = viewOf(entry);
      return entry;
    }

    /** Fresh entries for `list`, reusing the colours and visibility of the runs they replace, position by position. */
    function entriesFor(list: readonly Settings[], role: Role, replacing: readonly RunEntry[], keeping: readonly RunEntry[], visible?: readonly boolean[]): RunEntry[] {
      const used = new Set(keeping.map((e) => e.color));
      return list.map((settings, i) => {
        const color = pickColor(used, replacing[i]?.color);
        used.add(color);
        return newEntry(settings, role, color, visible?.[i] ?? replacing[i]?.visible ?? true);
      });
    }

    function primaryOf(list: readonly RunEntry[], settings: Settings): RunEntry | null {
      const live = list.filter((e) => e.role === 'live');
      return live.find((e) => settingsEqual(e.settings, settings)) ?? live[0] ?? list.find((e) => settingsEqual(e.settings, settings)) ?? list[0] ?? null;
    }

    function renameAll(): void {
      const names = runNames(entries.map((e) => e.settings));
      entries.forEach((e, i) => {
        if (e.name === names[i]) return;
        e.name = names[i];
        e.view = viewOf(e);
      });
    }

    function clearRecords(e: RunEntry): void {
      e.lossSeries.clear();
      e.batchLossSeries.clear();
      e.epochs.clear();
      e.cursor = startCursor(e.settings);
      e.status = 'idle';
      e.message = null;
      e.version++;
      e.view = viewOf(e);
    }

    function post(message: InMessage): void {
      worker?.postMessage(message, []);
    }

    function detachWorker(): void {
      const old = worker;
      worker = null;
      if (!old) return;
      old.onmessage = null;
      old.onerror = null;
      old.onmessageerror = null;
      try {
        old.terminate();
      } catch {
        // A worker that cannot even be terminated is gone all the same.
      }
    }

    function fail(reason: string): void {
      detachWorker();
      for (const e of entries) {
        if (e.status === 'done' || e.status === 'diverged') continue;
        e.status = 'error';
        e.view = viewOf(e);
      }
      set((state) => ({
        error: `Training stopped: ${reason}. ${RESTART_NOTE}`,
        playback: { ...state.playback, status: 'error' },
        runs: entries.map((e) => e.view),
      }));
    }

    function spawnWorker(): boolean {
      let created: WorkerLike;
      try {
        created = options.createWorker();
      } catch (error) {
        fail(`the training worker could not be started (${error instanceof Error ? error.message : String(error)})`);
        return false;
      }
      worker = created;
      created.onmessage = (event) => {
        if (worker === created) receive(event.data);
      };
      created.onerror = (event) => {
        if (worker === created) fail(errorMessage(event));
      };
      created.onmessageerror = () => {
        if (worker === created) fail('a message from the training worker could not be read');
      };
      return true;
    }

    /** Sends every run to the worker (primary first: the speed is its steps per second), all from step 0. */
    function configureWorker(settings: Settings, resume: boolean): void {
      if (!worker && !spawnWorker()) return;
      session++;
      const primary = primaryOf(entries, settings);
      const ordered = primary ? [primary, ...entries.filter((e) => e !== primary)] : entries;
      post({ type: 'speed', stepsPerSecond: get().playback.speed });
      post({ type: 'configure', session, runs: ordered.map((e) => ({ id: e.id, settings: e.settings })) });
      if (resume) post({ type: 'play' });
    }

    /** Installs a new set of runs with one state update and starts them in the worker. */
    function applyRuns(next: RunEntry[], changes: Partial<LabState>): void {
      const state = get();
      const resume = state.playback.status === 'running';
      const settings = changes.settings ?? state.settings;
      entries = next;
      for (const e of entries) clearRecords(e);
      renameAll();
      set({
        ...changes,
        runs: entries.map((e) => e.view),
        primaryRunId: primaryOf(entries, settings)?.id ?? null,
        playback: { ...state.playback, status: 'idle' },
        error: null,
      });
      configureWorker(settings, resume);
    }

    function receive(data: unknown): void {
      if (!isOutMessage(data)) {
        fail('the training worker sent a message the page cannot read');
        return;
      }
      handleMessage(data);
    }

    function handleMessage(message: OutMessage): void {
      if (message.type === 'error') {
        fail(message.message);
        return;
      }
      if (message.session !== session) return; // left over from before the last configure or reset
      if (message.type === 'status') {
        if (message.status === 'error') {
          fail(message.message ?? 'training failed');
          return;
        }
        for (const report of message.runs) {
          const e = entries.find((x) => x.id === report.id);
          if (!e || (e.status === report.status && e.message === report.message)) continue;
          e.status = report.status;
          e.message = report.message;
          e.view = viewOf(e);
        }
        set((state) => ({ playback: { ...state.playback, status: message.status }, runs: entries.map((e) => e.view) }));
        return;
      }
      let changed = false;
      for (const chunk of message.runs) {
        const e = entries.find((x) => x.id === chunk.id);
        if (!e) continue;
        e.lossSeries.append(chunk.steps);
        e.batchLossSeries.append(chunk.steps);
        e.epochs.append(chunk.epochs);
        e.cursor = chunk.cursor;
        e.version++;
        e.view = viewOf(e);
        changed = true;
      }
      if (changed) set({ runs: entries.map((e) => e.view) });
      // The worker sends its next chunk only after this: messages never pile up ahead of the page's frames.
      const acked = session;
      afterDraw(() => {
        if (acked === session) post({ type: 'ack', session: acked });
      });
    }

    function refuse(problems: Problem[]): Problem[] {
      set({ problems });
      return problems;
    }

    function tooManyRuns(count: number): Problem[] {
      return [{ key: '', message: `${count} runs would not fit: at most ${MAX_RUNS} runs can be shown at once; remove a run first` }];
    }

    return {
      settings: initialSettings,
      runs: [],
      primaryRunId: null,
      comparison: null,
      playback: { status: 'idle', speed: isSpeed(options.speed) ? options.speed : DEFAULT_SPEED },
      error: null,
      problems: [],

      setSettings(patch) {
        const current = get().settings;
        const candidate: Record<string, unknown> = { ...current, ...patch };
        const problems = settingsProblems(candidate);
        if (problems.length) return refuse(problems);
        const valid = validateSettings(candidate);
        if (!valid.ok) return refuse([{ key: '', message: valid.message }]);
        // Only the known fields: whatever else a caller passed does not ride along into the runs.
        const settings = frozenSettings(valid.value);
        if (settingsEqual(settings, current)) {
          set({ problems: [] });
          return [];
        }
        const { comparison } = get();
        const kept = entries.filter((e) => e.role === 'kept');
        const liveSettings = comparison ? comparisonSettings(settings, comparison) : [settings];
        if (kept.length + liveSettings.length > MAX_RUNS) return refuse(tooManyRuns(kept.length + liveSettings.length));
        const live = entriesFor(liveSettings, 'live', entries.filter((e) => e.role === 'live'), kept);
        applyRuns([...kept, ...live], { settings, problems: [] });
        return [];
      },

      play() {
        post({ type: 'play' });
      },
      pause() {
        post({ type: 'pause' });
      },
      step() {
        post({ type: 'step' });
      },
      stepEpoch() {
        post({ type: 'stepEpoch' });
      },

      reset() {
        if (!worker) {
          get().restartWorker();
          return;
        }
        session++;
        for (const e of entries) clearRecords(e);
        set((state) => ({ runs: entries.map((e) => e.view), playback: { ...state.playback, status: 'idle' } }));
        post({ type: 'reset', session });
      },

      setSpeed(speed) {
        if (!isSpeed(speed)) return refuse([{ key: 'speed', message: `speed must be 'max' or a number of steps per second from above 0 to ${MAX_STEPS_PER_SECOND}` }]);
        set((state) => ({ playback: { ...state.playback, speed } }));
        post({ type: 'speed', stepsPerSecond: speed });
        return [];
      },

      keepRun() {
        const live = entries.filter((e) => e.role === 'live');
        if (!live.length) return;
        for (const e of live) e.role = 'kept';
        set({ comparison: null });
      },

      startComparison(kind) {
        const { settings } = get();
        applyRuns(entriesFor(comparisonSettings(settings, kind), 'live', [], []), { comparison: kind, problems: [] });
      },

      removeRun(id) {
        const removed = entries.find((e) => e.id === id);
        if (!removed || entries.length === 1) return;
        const { comparison, settings } = get();
        // A comparison missing one of its runs is no longer that comparison: the rest stay as kept runs.
        const breaksComparison = removed.role === 'live' && comparison !== null;
        if (breaksComparison) for (const e of entries) e.role = 'kept';
        entries = entries.filter((e) => e !== removed);
        renameAll();
        post({ type: 'remove', id });
        set({
          runs: entries.map((e) => e.view),
          primaryRunId: primaryOf(entries, settings)?.id ?? null,
          comparison: breaksComparison ? null : comparison,
        });
      },

      toggleRunVisible(id) {
        const e = entries.find((x) => x.id === id);
        if (!e) return;
        e.visible = !e.visible;
        e.view = viewOf(e);
        set({ runs: entries.map((x) => x.view) });
      },

      configureRuns(list, settings) {
        const base = settings ?? get().settings;
        const problems = settingsProblems(base).map((p) => ({ ...p, message: `settings: ${p.message}` }));
        if (list.length > MAX_RUNS) problems.push(...tooManyRuns(list.length));
        list.forEach((spec, i) => {
          for (const p of settingsProblems(spec?.settings)) problems.push({ key: p.key, message: `run ${i + 1}: ${p.message}` });
        });
        if (problems.length) return refuse(problems);
        const frozenBase = frozenSettings(base);
        if (!list.length) {
          applyRuns(entriesFor([frozenBase], 'live', [], []), { settings: frozenBase, comparison: null, problems: [] });
          return [];
        }
        const runSettings = list.map((spec) => spec.settings);
        const visible = list.map((spec) => spec.visible ?? true);
        const kind = detectComparison(frozenBase, runSettings);
        const next = entriesFor(runSettings, 'kept', [], [], visible);
        if (kind) for (const e of next) e.role = 'live';
        else {
          // The run the settings describe goes on following them, as it did before the link was made.
          const current = next.find((e) => settingsEqual(e.settings, frozenBase));
          if (current) current.role = 'live';
        }
        applyRuns(next, { settings: frozenBase, comparison: kind, problems: [] });
        return [];
      },

      restartWorker() {
        detachWorker();
        const state = get();
        for (const e of entries) clearRecords(e);
        set({ error: null, runs: entries.map((e) => e.view), playback: { ...state.playback, status: 'idle' } });
        configureWorker(state.settings, false);
      },

      clearProblems() {
        set({ problems: [] });
      },

      dispose() {
        detachWorker();
      },
    };
  });

  store.getState().configureRuns([], initialSettings);
  return store;
}

export type LabStore = ReturnType<typeof createLabStore>;
