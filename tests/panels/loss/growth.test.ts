import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grownDomain, grownEnd, GROWTH_STEPS } from '../../../src/panels/loss/growth.ts';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { growingRun } from '../growingRun.ts';

const positive = fc.double({ min: 1e-12, max: 1e12, noNaN: true });

describe('axes with room to grow', () => {
  it('ends at most an eighth of an octave beyond the value, on a ladder that many values share', () => {
    fc.assert(
      fc.property(positive, (v) => {
        const end = grownEnd(v);
        expect(end).toBeGreaterThanOrEqual(v);
        expect(end).toBeLessThanOrEqual(v * (1 + 1 / GROWTH_STEPS) * (1 + 1e-12));
        expect(grownEnd(end)).toBe(end);
      }),
    );
    expect([100, 101, 104, 105, 110, 112].map(grownEnd)).toEqual([104, 104, 104, 112, 112, 112]);
    expect([0, -3, Infinity].map(grownEnd)).toEqual([0, -3, Infinity]);
  });

  it('widens a y-domain onto eighths of a decade (log) or the same ladder (linear), never narrower', () => {
    fc.assert(
      fc.property(positive, positive, fc.boolean(), (a, b, log) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b) * 2;
        const [glo, ghi] = grownDomain([lo, hi], log);
        expect(glo).toBeLessThanOrEqual(lo);
        expect(ghi).toBeGreaterThanOrEqual(hi);
        if (log) expect(glo).toBeGreaterThanOrEqual(lo / 10 ** (1 / GROWTH_STEPS) / (1 + 1e-12));
      }),
    );
    expect(grownDomain([-3.1, 5.1], false)).toEqual([-3.25, 5.5]);
  });

  it('gives a training run room to grow, and fits the axes to the data once it stops', () => {
    const options: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };
    const run = growingRun({ n: 200, b: 4, epochs: 40 });
    const running = run.advance(300);
    expect(running.status).toBe('running');
    const grown = buildLossLayout([running], options);
    expect(grown.xDomain[1]).toBe(320);
    const paused = buildLossLayout([{ ...running, status: 'paused' }], options);
    expect(paused.xDomain[1]).toBe(300);
    expect(grown.yDomain[0]).toBeLessThanOrEqual(paused.yDomain[0]);
    expect(grown.yDomain[1]).toBeGreaterThanOrEqual(paused.yDomain[1]);
    expect(Math.log10(grown.yDomain[0]) * GROWTH_STEPS).toBeCloseTo(Math.round(Math.log10(grown.yDomain[0]) * GROWTH_STEPS), 9);
  });
});
