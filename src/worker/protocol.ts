// The messages between the page and the training worker: one discriminated
// union each way. The worker checks every incoming message at runtime, because
// structured clone delivers whatever was posted and a worker that throws on a
// bad message would take every run down with it.
import { describeType, isRecord, safeText, validateSettings, type Settings, type Validated } from '../core/index.ts';
import type { EpochRecords, StepRecords } from '../core/records.ts';

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

export interface SeekTarget {
  id: string;
  step: number;
}

/** Runs a timeline request may name at once: every run on the page. */
export const MAX_SEEK_TARGETS = 8;

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
  /**
   * The exact state of runs at steps they have already passed (the timeline):
   * answered with one `seekResult` carrying `request`; training is not
   * disturbed. Unknown ids and steps beyond a run's are left out of the answer.
   */
  | { type: 'seek'; session: number; request: number; targets: SeekTarget[] }
  /** The page has taken in (and drawn) the chunks of this session so far; with flow control the next chunk waits for it. */
  | { type: 'ack'; session: number };

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
  /** The first (at most MAX_BATCH_INDICES) example indices of the last step's batch, copied. */
  batch: Uint32Array;
  batchSize: number;
}

export interface RunChunk {
  id: string;
  /** The steps taken since the previous chunk; every column has exactly `length` entries (capacity = length). */
  steps: StepRecords;
  /** The epochs completed since the previous chunk, likewise. */
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
  /** The answer to a `seek`: each named run's cursor at its step, replayed exactly. */
  | { type: 'seekResult'; session: number; request: number; cursors: SeekCursor[] };

export interface SeekCursor {
  id: string;
  cursor: CursorSnapshot;
}

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

function validateSeek(raw: Record<string, unknown>): Validated<InMessage> {
  if (!isSession(raw.session)) return fail('seek: session must be a non-negative integer');
  if (!isSession(raw.request)) return fail('seek: request must be a non-negative integer');
  if (!Array.isArray(raw.targets) || raw.targets.length > MAX_SEEK_TARGETS) return fail(`seek: targets must be an array of at most ${MAX_SEEK_TARGETS}`);
  const targets: SeekTarget[] = [];
  for (const [index, item] of raw.targets.entries()) {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id.length < 1 || item.id.length > MAX_RUN_ID_LENGTH || !isSession(item.step)) {
      return fail(`seek: target ${index + 1} needs an id and a non-negative integer step`);
    }
    targets.push({ id: item.id, step: item.step });
  }
  return { ok: true, value: { type: 'seek', session: raw.session, request: raw.request, targets } };
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
    case 'seek':
      return validateSeek(raw);
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
