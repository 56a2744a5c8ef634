import { describe, expect, it } from 'vitest';
import { createProgress, progressLine, PROGRESS_DELAY_MS, PROGRESS_INTERVAL_MS } from '../../src/cli/progress.ts';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progress on stderr', () => {
  it('says the percentage, the steps per second and the time left', () => {
    expect(progressLine(420_000, 1_000_000, 2_000)).toBe('sim: 42% · 210k steps/s · 3 s left');
    expect(progressLine(5_000_000, 10_000_000, 1_000)).toBe('sim: 50% · 5.0M steps/s · 1 s left');
    expect(progressLine(1_000, 1_000_000, 1_000)).toBe('sim: 0% · 1.0k steps/s · 16 min 39 s left');
    expect(progressLine(10, 100_000_000, 1_000)).toBe('sim: 0% · 10 steps/s · 2777 h 46 min left');
    expect(progressLine(0, 100, 1_000)).toBe('sim: 0% · 0 steps/s · ? left');
  });

  it('prints nothing at all when stderr is not a terminal (a pipe or a file)', () => {
    let t = 0;
    const stream = terminal(false);
    const progress = createProgress(1000, stream, () => t);
    for (let step = 0; step <= 1000; step++, t += 50) progress.update(step);
    progress.done();
    expect(stream.written).toEqual([]);
  });

  it('on a terminal: nothing for a short run, then one line rewritten in place at most every interval, erased at the end', () => {
    let t = 0;
    const stream = terminal(true);
    const progress = createProgress(1000, stream, () => t);
    for (; t < PROGRESS_DELAY_MS; t += 100) progress.update(t / 10);
    expect(stream.written).toEqual([]);
    for (; t < PROGRESS_DELAY_MS + 10 * PROGRESS_INTERVAL_MS; t += 10) progress.update(t / 10);
    expect(stream.written.length).toBeGreaterThanOrEqual(9);
    expect(stream.written.length).toBeLessThanOrEqual(11);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is tested
    for (const line of stream.written) expect(line).toMatch(/^\r\u001b\[2Ksim: \d+% · [\d.]+k? steps\/s · \d+ s left$/);
    progress.done();
    expect(stream.written.at(-1)).toBe('\r\u001b[2K');
  });

  it('a run over before the delay leaves the terminal untouched', () => {
    const stream = terminal(true);
    const progress = createProgress(10, stream, () => 0);
    progress.update(10);
    progress.done();
    expect(stream.written).toEqual([]);
  });
});
