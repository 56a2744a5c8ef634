// The messages between the page and the training worker: one discriminated
// union each way. The worker checks every incoming message at runtime, because
// structured clone delivers whatever was posted and a worker that throws on a
// bad message would take every run down with it.
import { describeType, isRecord, validateSettings, type Validated } from '../core/settingsValidation.ts';
import { safeText } from '../core/safeText.ts';
import type { Settings } from '../core/settings.ts';
import type { EpochRecords, SeriesRecords } from '../core/records.ts';

/** One run to train; ids are chosen by the page and echoed back in every chunk. */
export interface RunConfig {
  id: string;
  settings: Settings;
  /**
   * Train straight on to this step and pause there (a restart after a failure
   * replays what was lost; the engine is deterministic, so the records are the
   * same). Absent or 0: start at step 0, idle.
   */
  replayTo?: number;
}

export type Speed = number | 'max';

/** What the loss chart's x-axis counts; a view's range is in these units. */
export type ViewUnit = 'steps' | 'epochs' | 'examples';

/**
 * What the page shows of the step series: the chart's width and its x-range
 * (null: the whole run). The worker sends the M4 buckets of each run at that
 * resolution, and coarser ones outside the range, so a message costs the
 * same however long or fast the runs are.
 */
export interface PageView {
  /** Pixel columns of the chart (clamped to MIN_VIEW_PIXELS … MAX_VIEW_PIXELS). */
  pixels: number;
  unit: ViewUnit;
  log: boolean;
  range: readonly [number, number] | null;
}

export const MIN_VIEW_PIXELS = 16;
/** A wider chart gets this many buckets: beyond it the finest level of a 10⁷-step run could not feed the overview. */
export const MAX_VIEW_PIXELS = 2048;
export const DEFAULT_PAGE_VIEW: Readonly<PageView> = Object.freeze({ pixels: 1024, unit: 'steps', log: false, range: null });
const VIEW_UNITS: readonly ViewUnit[] = ['steps', 'epochs', 'examples'];

/**
 * Page → worker. `session` is chosen by the page on configure and reset and
 * echoed in every later chunk and status, so the page can drop messages that
 * were already in flight from the previous session.
 */
export type InMessage =
  | { type: 'configure'; session: number; runs: RunConfig[] }
  | { type: 'play' }
  | { type: 'pause' }
  /** Exactly one gradient step of every run that is still training. */
  | { type: 'step' }
  /** Each run to its own next epoch boundary. */
  | { type: 'stepEpoch' }
  /** Every run back to step 0 with the same settings. */
  | { type: 'reset'; session: number }
  /** Gradient steps per second of the first run; the others advance the same fraction of their epoch. */
  | { type: 'speed'; stepsPerSecond: Speed }
  /** Stops training one run; the others go on where they are. Unknown ids are ignored. */
  | { type: 'remove'; id: string }
  /** The page has taken in (and drawn) the chunks of this session so far; with flow control the next chunk waits for it. */
  | { type: 'ack'; session: number }
  /** The chart's view changed: every run's series is sent again at the view's resolution. */
  | { type: 'view'; view: PageView }
  /** The exact state of one run at a step it has reached, replayed from the nearest checkpoint; answered by `seeked`. */
  | { type: 'seek'; id: string; step: number; request: number };

export type WorkerStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

/** Where a run stands after the last step of a chunk (the store keeps it as the run's cursor). */
export interface CursorSnapshot {
  step: number;
  epoch: number;
  batchInEpoch: number;
  w1: number;
  w2: number;
  loss: number;
  batchLoss: number;
  lr: number;
  /** The validation set's loss at w; NaN when the run has no validation set. */
  valLoss: number;
  /** The first (at most MAX_BATCH_INDICES) example indices of the last step's batch, copied. */
  batch: Uint32Array;
  batchSize: number;
}

/**
 * What changed in one of a run's thinned series. The page keeps its first
 * `keep` rows and appends `rows`; of those, the last `open` are the bucket
 * still filling, which the next delta replaces. A new `revision` (the view or
 * the resolution changed) comes with keep = 0: the series starts afresh.
 */
export interface SeriesDelta {
  revision: number;
  keep: number;
  open: number;
  /** Every series column has exactly `length` entries (capacity = length); valLoss is NaN without a validation set. */
  rows: SeriesRecords;
}

export interface RunChunk {
  id: string;
  /** The full-data loss series, thinned by its own extremes; it carries w1, w2 for the weight path. */
  loss: SeriesDelta;
  /** The mini-batch loss series, thinned by the mini-batch loss. */
  batchLoss: SeriesDelta;
  /** The validation loss series, thinned by the validation loss; only for a run with a validation set. */
  valLoss?: SeriesDelta;
  /** The epochs completed since the previous chunk, likewise; with valLoss (each epoch's end) when the run has a validation set. */
  epochs: EpochRecords;
  cursor: CursorSnapshot;
}

export interface RunStatusReport {
  id: string;
  status: WorkerStatus;
  /** Why a run stopped early (divergence) or failed; null otherwise. */
  message: string | null;
}

/** Worker → page. */
export type OutMessage =
  | { type: 'chunk'; session: number; runs: RunChunk[] }
  | { type: 'status'; session: number; status: WorkerStatus; runs: RunStatusReport[]; message?: string }
  | { type: 'error'; message: string }
  /** Sent about every HEARTBEAT_MS while the worker has work, so the page can tell a slow run from a dead worker. */
  | { type: 'heartbeat'; session: number }
  /** The answer to a seek: the run's state at the step, or why there is none (state null). */
  | { type: 'seeked'; session: number; request: number; id: string; state: CursorSnapshot | null; message: string | null };

/**
 * How often a worker with work says it is alive. Chunks cannot tell: at slow
 * speeds they are seconds apart, and flow control holds them back.
 */
export const HEARTBEAT_MS = 500;
/** Silence after which the page takes a worker with work to be stalled or dead: several missed beats, not one late one. */
export const HEARTBEAT_TIMEOUT_MS = 3000;
/** The allowance before a new worker's first word: loading its script on a busy machine can take seconds. */
export const WORKER_START_TIMEOUT_MS = 15_000;

/** Most runs the page shows, and the worker trains, at once. */
export const MAX_RUNS = 8;
/** Gradient steps per second of the first run until the page says otherwise. */
export const DEFAULT_SPEED = 10 satisfies Speed;
export const MAX_RUN_ID_LENGTH = 64;
export const MAX_BATCH_INDICES = 1000;
/** Faster than this is 'max' in all but name; the bound keeps arithmetic on it finite. */
export const MAX_STEPS_PER_SECOND = 1e9;

function fail<T>(message: string): Validated<T> {
  return { ok: false, message };
}

function isSession(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function validateRuns(raw: unknown): Validated<RunConfig[]> {
  if (!Array.isArray(raw)) return fail('configure: runs must be an array');
  if (raw.length < 1 || raw.length > MAX_RUNS) return fail(`configure: between 1 and ${MAX_RUNS} runs are needed, got ${raw.length}`);
  const runs: RunConfig[] = [];
  const ids = new Set<string>();
  for (const [index, item] of raw.entries()) {
    if (!isRecord(item)) return fail(`configure: run ${index + 1} must be an object`);
    const { id } = item;
    if (typeof id !== 'string' || id.length < 1 || id.length > MAX_RUN_ID_LENGTH) {
      return fail(`configure: run ${index + 1} needs an id of 1 to ${MAX_RUN_ID_LENGTH} characters`);
    }
    if (ids.has(id)) return fail(`configure: run id '${safeText(id)}' is used twice`);
    ids.add(id);
    const settings = validateSettings(item.settings);
    if (!settings.ok) return fail(`configure: run '${safeText(id)}': ${settings.message}`);
    const { replayTo } = item;
    if (replayTo !== undefined && !isSession(replayTo)) return fail(`configure: run '${safeText(id)}': replayTo must be a non-negative integer`);
    runs.push(replayTo ? { id, settings: settings.value, replayTo } : { id, settings: settings.value });
  }
  return { ok: true, value: runs };
}

function validateView(raw: unknown): Validated<InMessage> {
  if (!isRecord(raw)) return fail(`view: view must be an object, not ${describeType(raw)}`);
  const { pixels, unit, log, range } = raw;
  if (typeof pixels !== 'number' || !Number.isFinite(pixels)) return fail('view: pixels must be a finite number');
  if (!VIEW_UNITS.includes(unit as ViewUnit)) return fail(`view: unit must be one of ${VIEW_UNITS.join(', ')}`);
  if (typeof log !== 'boolean') return fail('view: log must be true or false');
  let checked: readonly [number, number] | null = null;
  if (range !== null) {
    if (!Array.isArray(range) || range.length !== 2 || !range.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      return fail('view: range must be null or two finite numbers');
    }
    if (!(range[0] < range[1])) return fail('view: range must run from a smaller to a larger number');
    checked = [range[0], range[1]];
  }
  const clamped = Math.min(MAX_VIEW_PIXELS, Math.max(MIN_VIEW_PIXELS, Math.round(pixels)));
  return { ok: true, value: { type: 'view', view: { pixels: clamped, unit: unit as ViewUnit, log, range: checked } } };
}

/** Turns whatever arrived into a well-formed InMessage, or says what is wrong with it. */
export function validateInMessage(raw: unknown): Validated<InMessage> {
  if (!isRecord(raw)) return fail(`a message must be an object, not ${describeType(raw)}`);
  switch (raw.type) {
    case 'configure': {
      if (!isSession(raw.session)) return fail('configure: session must be a non-negative integer');
      const runs = validateRuns(raw.runs);
      return runs.ok ? { ok: true, value: { type: 'configure', session: raw.session, runs: runs.value } } : runs;
    }
    case 'reset':
      if (!isSession(raw.session)) return fail('reset: session must be a non-negative integer');
      return { ok: true, value: { type: 'reset', session: raw.session } };
    case 'ack':
      if (!isSession(raw.session)) return fail('ack: session must be a non-negative integer');
      return { ok: true, value: { type: 'ack', session: raw.session } };
    case 'remove':
      if (typeof raw.id !== 'string' || raw.id.length < 1 || raw.id.length > MAX_RUN_ID_LENGTH) {
        return fail(`remove: id must be a string of 1 to ${MAX_RUN_ID_LENGTH} characters`);
      }
      return { ok: true, value: { type: 'remove', id: raw.id } };
    case 'view':
      return validateView(raw.view);
    case 'seek': {
      if (typeof raw.id !== 'string' || raw.id.length < 1 || raw.id.length > MAX_RUN_ID_LENGTH) {
        return fail(`seek: id must be a string of 1 to ${MAX_RUN_ID_LENGTH} characters`);
      }
      if (!isSession(raw.step)) return fail('seek: step must be a non-negative integer');
      if (!isSession(raw.request)) return fail('seek: request must be a non-negative integer');
      return { ok: true, value: { type: 'seek', id: raw.id, step: raw.step, request: raw.request } };
    }
    case 'play':
    case 'pause':
    case 'step':
    case 'stepEpoch':
      return { ok: true, value: { type: raw.type } };
    case 'speed': {
      const speed = raw.stepsPerSecond;
      if (speed === 'max') return { ok: true, value: { type: 'speed', stepsPerSecond: 'max' } };
      if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_STEPS_PER_SECOND) {
        return fail(`speed: stepsPerSecond must be 'max' or a number > 0 and ≤ ${MAX_STEPS_PER_SECOND}`);
      }
      return { ok: true, value: { type: 'speed', stepsPerSecond: speed } };
    }
    default: {
      const type = typeof raw.type === 'string' ? `'${safeText(raw.type)}'` : describeType(raw.type);
      return fail(`unknown message type ${type}`);
    }
  }
}
