import { describe, expect, it } from 'vitest';
import { drawDecimated, type PenSink } from '../../src/panels/pixelLine.ts';

function record() {
  const ops: [string, number, number][] = [];
  const sink: PenSink = { moveTo: (x, y) => ops.push(['M', x, y]), lineTo: (x, y) => ops.push(['L', x, y]) };
  return { ops, sink };
}

describe('pixel-column decimation', () => {
  it('passes sparse rows through unchanged', () => {
    const { ops, sink } = record();
    const xs = [0, 5, 10];
    const ys = [3, 1, 2];
    drawDecimated((i) => xs[i], (i) => ys[i], 3, sink);
    expect(ops).toEqual([
      ['M', 0, 3],
      ['L', 5, 1],
      ['L', 10, 2],
    ]);
  });

  it('reduces many rows per column to at most four points that keep the extremes', () => {
    const { ops, sink } = record();
    const n = 10_000;
    const ys = Array.from({ length: n }, (_, i) => Math.sin(i) * (i % 97));
    const emitted = drawDecimated((i) => (i / n) * 100, (i) => ys[i], n, sink);
    expect(emitted).toBeLessThanOrEqual(400);
    const drawnMax = Math.max(...ops.map((o) => o[2]));
    const drawnMin = Math.min(...ops.map((o) => o[2]));
    expect(drawnMax).toBe(Math.max(...ys));
    expect(drawnMin).toBe(Math.min(...ys));
    // x never goes backwards, so the line does not fold over itself.
    for (let i = 1; i < ops.length; i++) expect(ops[i][1]).toBeGreaterThanOrEqual(ops[i - 1][1]);
  });

  it('breaks the line at NaN', () => {
    const { ops, sink } = record();
    const ys = [1, 2, NaN, 3, 4];
    drawDecimated((i) => i * 10, (i) => ys[i], 5, sink);
    expect(ops.map((o) => o[0])).toEqual(['M', 'L', 'M', 'L']);
  });
});
