import { describe, expect, it } from 'vitest';
import { drawDecimated, toPixel, type PenSink, type PixelMapping } from '../../../src/panels/shared/pixelLine.ts';

/** Pixels are the values themselves. */
const SAME: PixelMapping = { origin: 0, scale: 1, base: 0, lo: -Infinity, hi: Infinity, log: false };

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
    drawDecimated(xs, ys, 3, SAME, SAME, sink);
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
    const xs = Array.from({ length: n }, (_, i) => (i / n) * 100);
    const emitted = drawDecimated(xs, ys, n, SAME, SAME, sink);
    expect(emitted).toBeLessThanOrEqual(400);
    const drawnMax = Math.max(...ops.map((o) => o[2]));
    const drawnMin = Math.min(...ops.map((o) => o[2]));
    expect(drawnMax).toBe(Math.max(...ys));
    expect(drawnMin).toBe(Math.min(...ys));
    // x never goes backwards, so the line does not fold over itself.
    for (let i = 1; i < ops.length; i++) expect(ops[i][1]).toBeGreaterThanOrEqual(ops[i - 1][1]);
  });

  it('draws each row at its mapped pixel, pinning values off a log axis to its edges', () => {
    const { ops, sink } = record();
    const toX: PixelMapping = { origin: 50, scale: 2, base: 10, lo: -Infinity, hi: Infinity, log: false };
    // A log axis over [1, 100] drawn from pixel 200 (value 1) up to pixel 0 (value 100).
    const toY: PixelMapping = { origin: 200, scale: -200 / Math.log(100), base: 0, lo: 1, hi: 100, log: true };
    drawDecimated([10, 20, 30, 40], [10, 0, 1e9, NaN], 4, toX, toY, sink);
    expect(ops.map(([op, x]) => [op, x])).toEqual([
      ['M', 50],
      ['L', 70],
      ['L', 90],
    ]);
    expect(ops.map((o) => o[2])).toEqual([toPixel(toY, 10), 200, 0].map((v) => expect.closeTo(v, 9)));
    expect(toPixel(toY, 10)).toBeCloseTo(100, 9);
  });

  it('breaks the line at NaN', () => {
    const { ops, sink } = record();
    const ys = [1, 2, NaN, 3, 4];
    drawDecimated([0, 10, 20, 30, 40], ys, 5, SAME, SAME, sink);
    expect(ops.map((o) => o[0])).toEqual(['M', 'L', 'M', 'L']);
  });
});

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Random rows with x non-decreasing (often several per column or bucket), repeated y values and NaN gaps. */
function randomLine(random: () => number): { xs: Float64Array; ys: Float64Array } {
  const n = Math.floor(random() * 400);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let x = random() * 5;
  for (let i = 0; i < n; i++) {
    x += random() < 0.3 ? 0 : random() * 0.6;
    xs[i] = x;
    const r = random();
    ys[i] = r < 0.05 ? NaN : r < 0.2 ? 1 : Math.round(random() * 40) / 4;
  }
  return { xs, ys };
}

describe('decimation against straightforward models', () => {
  it('drawDecimated draws, per pixel column, the first point, the extremes left to right and the last point', () => {
    const random = lcg(11);
    for (let trial = 0; trial < 300; trial++) {
      const { xs, ys } = randomLine(random);
      const { ops, sink } = record();
      const emitted = drawDecimated(xs, ys, xs.length, SAME, SAME, sink);
      expect(emitted).toBe(ops.length);
      // The model: split into runs broken by NaN, then into columns; each column gives first, extremes, last, without repeats.
      const expected: [string, number, number][] = [];
      let pen = false;
      let i = 0;
      while (i < xs.length) {
        if (Number.isNaN(ys[i])) {
          pen = false;
          i++;
          continue;
        }
        const c = Math.floor(xs[i]);
        let end = i;
        while (end + 1 < xs.length && !Number.isNaN(ys[end + 1]) && Math.floor(xs[end + 1]) === c) end++;
        let low = i;
        let high = i;
        for (let k = i + 1; k <= end; k++) {
          if (ys[k] < ys[low]) low = k;
          if (ys[k] > ys[high]) high = k;
        }
        // The extreme further left first; at equal x the lowest first.
        const lowFirst = xs[low] <= xs[high];
        const picks = end === i ? [i] : [i, lowFirst ? low : high, lowFirst ? high : low, end];
        let previous = -1;
        for (const k of picks) {
          if (previous >= 0 && xs[k] === xs[previous] && ys[k] === ys[previous]) continue;
          expected.push([pen ? 'L' : 'M', xs[k], ys[k]]);
          pen = true;
          previous = k;
        }
        i = end + 1;
      }
      expect(ops).toEqual(expected);
    }
  });
});
