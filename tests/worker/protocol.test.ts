import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { createStepRecords } from '../../src/core/index.ts';
import { validateOutMessage } from '../../src/worker/outValidation.ts';
import { MAX_RUNS, validateInMessage } from '../../src/worker/protocol.ts';
import { chunkMessage, cursor, delta } from './outMessages.ts';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0] as [number, number], ...patch });

function rejection(raw: unknown): string {
  const result = validateInMessage(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return result.message;
}

describe('validateInMessage', () => {
  it('accepts every well-formed message and returns it', () => {
    const messages = [
      { type: 'configure', session: 3, runs: [{ id: 'a', settings: settings() }] },
      { type: 'configure', session: 3, runs: [{ id: 'a', settings: settings(), replayTo: 120 }] },
      { type: 'play' },
      { type: 'pause' },
      { type: 'step' },
      { type: 'stepEpoch' },
      { type: 'reset', session: 4 },
      { type: 'speed', stepsPerSecond: 60 },
      { type: 'speed', stepsPerSecond: 'max' },
      { type: 'remove', id: 'a' },
      { type: 'view', view: { pixels: 800, unit: 'epochs', log: true, range: [0.5, 2] } },
      { type: 'view', view: { pixels: 800, unit: 'steps', log: false, range: null } },
      { type: 'seek', id: 'a', step: 25, request: 3 },
    ];
    for (const message of messages) expect(validateInMessage(message)).toEqual({ ok: true, value: message });
  });

  it('refuses values that are not messages', () => {
    for (const raw of [null, undefined, 42, 'play', [], [{ type: 'play' }]]) expect(rejection(raw)).toMatch(/must be an object/);
  });

  it('names an unknown type without echoing control characters or long text', () => {
    expect(rejection({ type: 'jump' })).toBe("unknown message type 'jump'");
    expect(rejection({})).toBe('unknown message type undefined');
    const message = rejection({ type: `x\u0000${'y'.repeat(500)}` });
    expect(message.includes('\u0000')).toBe(false);
    expect(message.length).toBeLessThan(80);
  });

  it('requires a session on configure and reset', () => {
    expect(rejection({ type: 'reset' })).toMatch(/session/);
    expect(rejection({ type: 'reset', session: -1 })).toMatch(/session/);
    expect(rejection({ type: 'reset', session: 1.5 })).toMatch(/session/);
    expect(rejection({ type: 'configure', runs: [{ id: 'a', settings: settings() }] })).toMatch(/session/);
  });

  it('refuses run lists that are empty, too long, or with bad or repeated ids', () => {
    const run = (id: unknown) => ({ id, settings: settings() });
    expect(rejection({ type: 'configure', session: 0, runs: [] })).toMatch(/between 1 and/);
    expect(rejection({ type: 'configure', session: 0, runs: 'a' })).toMatch(/must be an array/);
    const many = Array.from({ length: MAX_RUNS + 1 }, (_, i) => run(`r${i}`));
    expect(rejection({ type: 'configure', session: 0, runs: many })).toMatch(/between 1 and/);
    expect(rejection({ type: 'configure', session: 0, runs: [run('a'), run('a')] })).toMatch(/'a' is used twice/);
    expect(rejection({ type: 'configure', session: 0, runs: [run('')] })).toMatch(/id/);
    expect(rejection({ type: 'configure', session: 0, runs: [run(7)] })).toMatch(/id/);
    expect(rejection({ type: 'configure', session: 0, runs: [null] })).toMatch(/run 1 must be an object/);
  });

  it('refuses a replay target that is not a step count', () => {
    for (const replayTo of [-1, 1.5, '3', null]) {
      expect(rejection({ type: 'configure', session: 1, runs: [{ id: 'a', settings: settings(), replayTo }] })).toMatch(/replayTo must be a non-negative integer/);
    }
  });

  it('refuses remove without a usable id', () => {
    expect(rejection({ type: 'remove' })).toMatch(/id must be a string/);
    expect(rejection({ type: 'remove', id: 'x'.repeat(65) })).toMatch(/id must be a string/);
  });

  it('refuses a view or a seek with a field out of shape, and clamps the pixels', () => {
    const v = (patch: Record<string, unknown>) => ({ type: 'view', view: { pixels: 800, unit: 'steps', log: false, range: null, ...patch } });
    expect(rejection({ type: 'view' })).toMatch(/view must be an object/);
    expect(rejection(v({ pixels: NaN }))).toMatch(/pixels must be a finite number/);
    expect(rejection(v({ unit: 'hours' }))).toMatch(/unit must be one of/);
    expect(rejection(v({ log: 1 }))).toMatch(/log must be true or false/);
    expect(rejection(v({ range: [3, 1] }))).toMatch(/from a smaller to a larger/);
    expect(rejection(v({ range: [0, Infinity] }))).toMatch(/two finite numbers/);
    expect(validateInMessage(v({ pixels: 1e9 }))).toMatchObject({ ok: true, value: { view: { pixels: 2048 } } });
    expect(validateInMessage(v({ pixels: -3 }))).toMatchObject({ ok: true, value: { view: { pixels: 16 } } });
    expect(rejection({ type: 'seek', id: 'a', step: -1, request: 1 })).toMatch(/step must be/);
    expect(rejection({ type: 'seek', id: '', step: 1, request: 1 })).toMatch(/id must be/);
    expect(rejection({ type: 'seek', id: 'a', step: 1 })).toMatch(/request must be/);
  });

  it('refuses speeds that are not positive finite numbers or max', () => {
    for (const stepsPerSecond of [0, -5, NaN, Infinity, 'fast', null, 1e12]) {
      expect(rejection({ type: 'speed', stepsPerSecond })).toMatch(/stepsPerSecond/);
    }
  });
});

describe('validateOutMessage', () => {
  const refused = (raw: unknown): string => {
    const result = validateOutMessage(raw);
    if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
    return result.message;
  };
  /** A good chunk with one field of its first run replaced. */
  const spoilt = (patch: Record<string, unknown>) => {
    const message = chunkMessage(1);
    Object.assign(message.runs[0], patch);
    return message;
  };

  it('accepts what the worker sends', () => {
    for (const message of [
      chunkMessage(1, ['a', 'b']),
      chunkMessage(2, ['a'], 0),
      { type: 'chunk', session: 1, runs: [] },
      { type: 'status', session: 1, status: 'idle', runs: [{ id: 'a', status: 'diverged', message: 'too big' }] },
      { type: 'status', session: 1, status: 'error', runs: [{ id: 'a', status: 'error', message: null }], message: 'x' },
      { type: 'error', message: 'x' },
      { type: 'seeked', session: 1, request: 2, id: 'a', state: cursor(), message: null },
      { type: 'seeked', session: 1, request: 2, id: 'a', state: null, message: 'not reached' },
    ]) expect(validateOutMessage(message)).toEqual({ ok: true, value: message });
  });

  it('accepts a diverged cursor whose losses are not finite', () => {
    expect(validateOutMessage(spoilt({ cursor: cursor({ loss: NaN, batchLoss: Infinity, w1: -Infinity }) })).ok).toBe(true);
  });

  it('refuses messages that are not the worker’s, naming what is wrong', () => {
    expect(refused('chunk')).toMatch(/must be an object, not string/);
    expect(refused({ type: 'chunky', session: 1 })).toMatch(/unknown message type 'chunky'/);
    expect(refused({ type: 'chunk', runs: [] })).toMatch(/chunk: session/);
    expect(refused({ type: 'chunk', session: 1, runs: {} })).toMatch(/runs must be an array/);
    expect(refused({ type: 'error' })).toMatch(/error: message/);
  });

  it('refuses chunks whose records are missing, of the wrong kind or of unequal lengths', () => {
    expect(refused(spoilt({ loss: null }))).toMatch(/run 1 \('a'\): loss must be an object, not null/);
    expect(refused(spoilt({ epochs: undefined }))).toMatch(/epochs must be an object/);
    expect(refused(spoilt({ id: 7 }))).toMatch(/run 1: id must be a string/);
    const steps = createStepRecords(2);
    steps.length = 2;
    expect(refused(spoilt({ loss: delta(2, { rows: { ...steps, loss: new Float32Array(2) } }) }))).toMatch(/loss.rows.loss must be a Float64Array/);
    expect(refused(spoilt({ batchLoss: delta(2, { rows: { ...steps, w1: new Float64Array(1) } }) }))).toMatch(/batchLoss.rows.w1 has 1 entries, not 2/);
    expect(refused(spoilt({ loss: delta(2, { rows: { ...steps, length: 3 } }) }))).toMatch(/rows.capacity must equal its length/);
    expect(refused(spoilt({ loss: delta(2, { rows: { ...steps, length: -1, capacity: -1 } }) }))).toMatch(/rows.length must be a non-negative integer/);
    expect(refused(spoilt({ loss: delta(2, { keep: -1 }) }))).toMatch(/loss.keep must be a non-negative integer/);
    expect(refused(spoilt({ loss: delta(2, { open: 3 }) }))).toMatch(/loss.open is more than its rows/);
    expect(refused(spoilt({ loss: delta(2, { revision: 0.5 }) }))).toMatch(/loss.revision/);
  });

  it('refuses a chunk whose cursor is malformed in any field', () => {
    expect(refused(spoilt({ cursor: null }))).toMatch(/cursor must be an object, not null/);
    expect(refused(spoilt({ cursor: {} }))).toMatch(/cursor.step must be a non-negative integer/);
    expect(refused(spoilt({ cursor: cursor({ epoch: 1.5 }) }))).toMatch(/cursor.epoch/);
    expect(refused(spoilt({ cursor: { ...cursor(), w2: '0.5' } }))).toMatch(/cursor.w2 must be a number, not string/);
    expect(refused(spoilt({ cursor: { ...cursor(), batch: [1, 2] } }))).toMatch(/cursor.batch must be a Uint32Array/);
    expect(refused(spoilt({ cursor: cursor({ batchSize: 1 }) }))).toMatch(/cursor.batch has more indices/);
  });

  it('refuses status reports with unknown words or fields of the wrong type', () => {
    const status = (patch: Record<string, unknown>, run: Record<string, unknown> = {}) => ({ type: 'status', session: 1, status: 'paused', runs: [{ id: 'a', status: 'paused', message: null, ...run }], ...patch });
    expect(refused(status({ status: 'sleeping' }))).toMatch(/status: unknown status/);
    expect(refused(status({ message: 3 }))).toMatch(/message must be a string/);
    expect(refused(status({}, { status: 'zzz' }))).toMatch(/run 1: unknown status/);
    expect(refused(status({}, { message: undefined }))).toMatch(/run 1: message must be a string or null/);
    expect(refused(status({ runs: [null] }))).toMatch(/run 1 must be an object/);
  });
});
