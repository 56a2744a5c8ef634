import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RANDOM_STREAMS, randomStream, streamState, type RandomStream } from '../../src/core/random.ts';
import { MAX_SEED } from '../../src/core/settings.ts';

function firstDraws(seed: number, count: number, stream: RandomStream = 'data'): number[] {
  const source = randomStream(seed, stream);
  return Array.from({ length: count }, () => source());
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('seeded random streams', () => {
  it('repeat exactly for the same seed and stream', () => {
    expect(firstDraws(7, 20)).toEqual(firstDraws(7, 20));
  });

  it('give every integer seed its own stream, including 0 and 2³²−1', () => {
    const edgeSeeds = [0, 1, 2, 2 ** 31, MAX_SEED - 1, MAX_SEED];
    const starts = new Set(edgeSeeds.map((seed) => firstDraws(seed, 2).join()));
    expect(starts.size).toBe(edgeSeeds.length);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), fc.integer({ min: 0, max: MAX_SEED }), (a, b) => {
        fc.pre(a !== b);
        for (const stream of RANDOM_STREAMS) expect(streamState(a, stream)).not.toBe(streamState(b, stream));
      }),
    );
  });

  it('do not start alike for neighbouring seeds', () => {
    const seeds = Array.from({ length: 2000 }, (_, i) => i);
    const first = seeds.map((seed) => firstDraws(seed, 1)[0]);
    const next = seeds.map((seed) => firstDraws(seed + 1, 1)[0]);
    expect(Math.abs(correlation(first, next))).toBeLessThan(0.1);
  });

  it('keep data, order and restart draws apart for one seed', () => {
    const draws = RANDOM_STREAMS.map((stream) => firstDraws(3, 10, stream).join());
    expect(new Set(draws).size).toBe(RANDOM_STREAMS.length);
  });

  it('draw uniformly from [0, 1)', () => {
    const draws = firstDraws(11, 20_000);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });
});
