// The page's check of every message from the worker. The page trusts its own
// worker's code, but not what arrives: structured clone delivers whatever was
// posted, and a chunk with a wrong field would otherwise throw far from here,
// in a chart's render, and blank the page. So each field is checked here,
// once, and a bad message becomes a failure that names what was wrong.
import { describeType, isRecord, type Validated } from '../core/settingsValidation.ts';
import { safeText } from '../core/safeText.ts';
import { EPOCH_COLUMNS, SERIES_COLUMNS, VAL_LOSS_COLUMN } from '../core/records.ts';
import { MAX_BATCH_INDICES, MAX_RUN_ID_LENGTH, MAX_RUNS, type CursorSnapshot, type OutMessage, type RunChunk, type RunStatusReport, type WorkerStatus } from './protocol.ts';

const STATUSES: readonly WorkerStatus[] = ['idle', 'running', 'paused', 'done', 'diverged', 'error'];
const COUNTS = ['step', 'epoch', 'batchInEpoch', 'batchSize'] as const;
const VALUES = ['w1', 'w2', 'loss', 'batchLoss', 'lr', 'valLoss'] as const;

/** Thrown inside this file only, and always caught by validateOutMessage. */
class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkId(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > MAX_RUN_ID_LENGTH) refuse(`${where}: id must be a string of 1 to ${MAX_RUN_ID_LENGTH} characters`);
  return value;
}

/** Column-wise records: `length` rows, and every column a Float64Array of exactly that many entries. */
function checkColumns(raw: unknown, columns: readonly string[], where: string): void {
  if (!isRecord(raw)) refuse(`${where} must be an object, not ${describeType(raw)}`);
  const { length } = raw;
  if (!isCount(length)) refuse(`${where}.length must be a non-negative integer`);
  if (raw.capacity !== length) refuse(`${where}.capacity must equal its length`);
  for (const column of columns) {
    const values = raw[column];
    if (!(values instanceof Float64Array)) refuse(`${where}.${column} must be a Float64Array, not ${describeType(values)}`);
    if (values.length !== length) refuse(`${where}.${column} has ${values.length} entries, not ${length}`);
  }
}

function checkCursor(raw: unknown, where: string): CursorSnapshot {
  if (!isRecord(raw)) refuse(`${where} must be an object, not ${describeType(raw)}`);
  for (const key of COUNTS) if (!isCount(raw[key])) refuse(`${where}.${key} must be a non-negative integer`);
  // Losses and weights may be NaN or infinite once a run diverges; they must still be numbers.
  for (const key of VALUES) if (typeof raw[key] !== 'number') refuse(`${where}.${key} must be a number, not ${describeType(raw[key])}`);
  const { batch } = raw;
  if (!(batch instanceof Uint32Array)) refuse(`${where}.batch must be a Uint32Array, not ${describeType(batch)}`);
  if (batch.length > Math.min(MAX_BATCH_INDICES, raw.batchSize as number)) refuse(`${where}.batch has more indices than its batch`);
  return raw as unknown as CursorSnapshot;
}

function checkDelta(raw: unknown, where: string): void {
  if (!isRecord(raw)) refuse(`${where} must be an object, not ${describeType(raw)}`);
  for (const key of ['revision', 'keep', 'open'] as const) if (!isCount(raw[key])) refuse(`${where}.${key} must be a non-negative integer`);
  checkColumns(raw.rows, SERIES_COLUMNS, `${where}.rows`);
  if ((raw.open as number) > (raw.rows as { length: number }).length) refuse(`${where}.open is more than its rows`);
}

function checkSeeked(raw: Record<string, unknown>): void {
  if (!isCount(raw.request)) refuse('seeked: request must be a non-negative integer');
  checkId(raw.id, 'seeked');
  if (raw.state !== null) checkCursor(raw.state, 'seeked: state');
  if (raw.message !== null && typeof raw.message !== 'string') refuse('seeked: message must be a string or null');
}

function checkList(raw: unknown, where: string): unknown[] {
  if (!Array.isArray(raw)) refuse(`${where}: runs must be an array, not ${describeType(raw)}`);
  if (raw.length > MAX_RUNS) refuse(`${where}: at most ${MAX_RUNS} runs, got ${raw.length}`);
  return raw;
}

function checkChunk(raw: unknown, index: number): RunChunk {
  const where = `chunk: run ${index + 1}`;
  if (!isRecord(raw)) refuse(`${where} must be an object, not ${describeType(raw)}`);
  const id = checkId(raw.id, where);
  const named = `${where} ('${safeText(id)}')`;
  checkDelta(raw.loss, `${named}: loss`);
  checkDelta(raw.batchLoss, `${named}: batchLoss`);
  // The validation loss series: present only for a run with a validation set.
  if (raw.valLoss !== undefined) checkDelta(raw.valLoss, `${named}: valLoss`);
  checkColumns(raw.epochs, EPOCH_COLUMNS, `${named}: epochs`);
  // Present only for a run with a validation set, and then a column like the others.
  if ((raw.epochs as Record<string, unknown>)[VAL_LOSS_COLUMN] !== undefined) checkColumns(raw.epochs, [VAL_LOSS_COLUMN], `${named}: epochs`);
  checkCursor(raw.cursor, `${named}: cursor`);
  return raw as unknown as RunChunk;
}

function isStatus(value: unknown): value is WorkerStatus {
  return STATUSES.includes(value as WorkerStatus);
}

function checkReport(raw: unknown, index: number): RunStatusReport {
  const where = `status: run ${index + 1}`;
  if (!isRecord(raw)) refuse(`${where} must be an object, not ${describeType(raw)}`);
  checkId(raw.id, where);
  if (!isStatus(raw.status)) refuse(`${where}: unknown status ${describeType(raw.status)}`);
  if (raw.message !== null && typeof raw.message !== 'string') refuse(`${where}: message must be a string or null`);
  return raw as unknown as RunStatusReport;
}

function check(raw: unknown): OutMessage {
  if (!isRecord(raw)) refuse(`a message must be an object, not ${describeType(raw)}`);
  const { type } = raw;
  if (type === 'error') {
    if (typeof raw.message !== 'string') refuse('error: message must be a string');
    return raw as unknown as OutMessage;
  }
  if (type !== 'chunk' && type !== 'status' && type !== 'heartbeat' && type !== 'seeked') refuse(`unknown message type ${typeof type === 'string' ? `'${safeText(type)}'` : describeType(type)}`);
  if (!isCount(raw.session)) refuse(`${type}: session must be a non-negative integer`);
  if (type === 'heartbeat') return raw as unknown as OutMessage;
  if (type === 'seeked') {
    checkSeeked(raw);
    return raw as unknown as OutMessage;
  }
  if (type === 'chunk') {
    checkList(raw.runs, type).forEach(checkChunk);
    return raw as unknown as OutMessage;
  }
  if (!isStatus(raw.status)) refuse(`status: unknown status ${describeType(raw.status)}`);
  if (raw.message !== undefined && typeof raw.message !== 'string') refuse('status: message must be a string when present');
  checkList(raw.runs, type).forEach(checkReport);
  return raw as unknown as OutMessage;
}

/** The message as the page may use it, or what is wrong with it (the first problem found). */
export function validateOutMessage(raw: unknown): Validated<OutMessage> {
  try {
    return { ok: true, value: check(raw) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}
