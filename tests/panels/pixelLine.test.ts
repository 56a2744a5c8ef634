import { describe, expect, it } from 'vitest';
import { drawDecimated, thinM4, type PenSink } from '../../src/panels/pixelLine.ts';

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

describe('data-space M4 thinning', () => {
  const n = 60_000;
  const xs = Float64Array.from({ length: n }, (_, i) => i + 1);
  const ys = Float64Array.from({ length: n }, (_, i) => 1 + Math.sin(i * 0.37) * (1 + (i % 101)) + (i === 31_337 ? 500 : 0));

  it('keeps at most four rows per bucket, in order, including every extreme', () => {
    const outX = new Float64Array(4 * 1024);
    const outY = new Float64Array(4 * 1024);
    const kept = thinM4(xs, ys, n, 1024, outX, outY);
    expect(kept).toBeLessThanOrEqual(4 * 1024);
    for (let i = 1; i < kept; i++) expect(outX[i]).toBeGreaterThan(outX[i - 1]);
    expect(Math.max(...outY.subarray(0, kept))).toBe(Math.max(...ys));
    expect(Math.min(...outY.subarray(0, kept))).toBe(Math.min(...ys));
    expect(outX[0]).toBe(1);
    expect(outX[kept - 1]).toBe(n);
  });

  it('loses no extreme by more than one pixel column at two or more buckets per pixel', () => {
    const outX = new Float64Array(4 * 1024);
    const outY = new Float64Array(4 * 1024);
    const kept = thinM4(xs, ys, n, 1024, outX, outY);
    // Per pixel column of a 500-pixel chart, the thinned rows reach the same lowest and highest value.
    const columns = (x: ArrayLike<number>, y: ArrayLike<number>, m: number) => {
      const lo = new Map<number, number>();
      const hi = new Map<number, number>();
      for (let i = 0; i < m; i++) {
        const c = Math.floor(((x[i] - 1) / n) * 500);
        lo.set(c, Math.min(lo.get(c) ?? Infinity, y[i]));
        hi.set(c, Math.max(hi.get(c) ?? -Infinity, y[i]));
      }
      return { lo, hi };
    };
    const full = columns(xs, ys, n);
    const thin = columns(outX, outY, kept);
    // A bucket can straddle two columns, so an extreme may be drawn in the neighbouring column, never farther.
    const near = (m: Map<number, number>, c: number, pick: (...v: number[]) => number) =>
      pick(...[c - 1, c, c + 1].map((k) => m.get(k)).filter((v): v is number => v !== undefined));
    for (const [c, v] of full.hi) expect(near(thin.hi, c, Math.max)).toBeGreaterThanOrEqual(v);
    for (const [c, v] of full.lo) expect(near(thin.lo, c, Math.min)).toBeLessThanOrEqual(v);
  });

  it('passes short series and NaN gaps through', () => {
    const outX = new Float64Array(16);
    const outY = new Float64Array(16);
    expect(thinM4([1, 2, 3], [5, NaN, 6], 3, 1024, outX, outY)).toBe(3);
    expect(Array.from(outY.subarray(0, 3))).toEqual([5, NaN, 6]);
    expect(thinM4([], [], 0, 10, outX, outY)).toBe(0);
  });
});
