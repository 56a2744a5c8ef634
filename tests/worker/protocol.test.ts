import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { isOutMessage, MAX_RUNS, validateInMessage } from '../../src/worker/protocol.ts';

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
      { type: 'play' },
      { type: 'pause' },
      { type: 'step' },
      { type: 'stepEpoch' },
      { type: 'reset', session: 4 },
      { type: 'speed', stepsPerSecond: 60 },
      { type: 'speed', stepsPerSecond: 'max' },
      { type: 'remove', id: 'a' },
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

  it('refuses remove without a usable id', () => {
    expect(rejection({ type: 'remove' })).toMatch(/id must be a string/);
    expect(rejection({ type: 'remove', id: 'x'.repeat(65) })).toMatch(/id must be a string/);
  });

  it('refuses speeds that are not positive finite numbers or max', () => {
    for (const stepsPerSecond of [0, -5, NaN, Infinity, 'fast', null, 1e12]) {
      expect(rejection({ type: 'speed', stepsPerSecond })).toMatch(/stepsPerSecond/);
    }
  });
});

describe('isOutMessage', () => {
  it('tells the worker’s messages from anything else', () => {
    expect(isOutMessage({ type: 'chunk', session: 1, runs: [] })).toBe(true);
    expect(isOutMessage({ type: 'status', session: 1, status: 'idle', runs: [] })).toBe(true);
    expect(isOutMessage({ type: 'error', message: 'x' })).toBe(true);
    expect(isOutMessage({ type: 'chunk', runs: [] })).toBe(false);
    expect(isOutMessage({ type: 'error' })).toBe(false);
    expect(isOutMessage('chunk')).toBe(false);
  });
});
