// Every random choice of a run comes from d3-random's LCG, seeded from the
// one user seed. Data, batch order, restarts and random starts each get their own stream, so
// changing how examples are ordered (shuffle mode, batch size, drop-last)
// never changes the data set the runs are compared on.
import { randomInt, randomLcg, randomUniform } from 'd3-random';
import { portableLog } from './portableLog.ts';
import { shuffler } from 'd3-array';

export type RandomSource = () => number;

export const RANDOM_STREAMS = ['data', 'order', 'restart', 'init'] as const;
export type RandomStream = (typeof RANDOM_STREAMS)[number];

const STREAM_SALT: Record<RandomStream, number> = { data: 1, order: 2, restart: 3, init: 4 };
const TWO_POW_32 = 2 ** 32;

/**
 * The 32-bit LCG state a stream starts from. Feeding neighbouring seeds to
 * randomLcg directly gives nearly equal first draws (seed 1 and 2 differ by
 * 0.0004), and seeds 2³¹ apart give draws exactly 0.5 apart, so the seed goes
 * through murmur3's finaliser first. Every step is a bijection on 32-bit
 * integers, so distinct seeds always give distinct streams.
 */
export function streamState(seed: number, stream: RandomStream): number {
  let h = (seed ^ Math.imul(STREAM_SALT[stream], 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A uniform [0, 1) source for one stream of the seed. randomLcg reads a seed
 * in [0, 1) as a fraction of 2³² and any other number as an integer state;
 * passing state / 2³² takes the first path for every state, including 0.
 */
export function randomStream(seed: number, stream: RandomStream): RandomSource {
  return randomLcg(streamState(seed, stream) / TWO_POW_32);
}

/**
 * Normal draws by d3-random's own algorithm (Marsaglia's polar method, the
 * same uniforms consumed in the same order), except that the logarithm is
 * portableLog: d3 calls Math.log, whose last bit differs between engines, and
 * a shared link must give the same data in every browser and in the CLI.
 */
export function normalFrom(source: RandomSource, mean = 0, deviation = 1): RandomSource {
  // Each accepted pair (x, y) inside the unit disc yields two draws sharing r.
  let spare: number | null = null;
  let r = 0;
  return () => {
    let y: number;
    if (spare !== null) {
      y = spare;
      spare = null;
    } else {
      let x: number;
      do {
        x = source() * 2 - 1;
        y = source() * 2 - 1;
        r = x * x + y * y;
      } while (!r || r > 1);
      spare = x;
    }
    return mean + deviation * y * Math.sqrt((-2 * portableLog(r)) / r);
  };
}

export function uniformFrom(source: RandomSource, min: number, max: number): RandomSource {
  return randomUniform.source(source)(min, max);
}

/** Integers 0 … count−1, uniformly. */
export function integerFrom(source: RandomSource, count: number): RandomSource {
  return randomInt.source(source)(0, count);
}

export type Shuffle = (array: Uint32Array, start?: number, end?: number) => Uint32Array;

/** Fisher–Yates shuffle in place of array[start … end), drawing from the source. */
export function shuffleFrom(source: RandomSource): Shuffle {
  return shuffler(source);
}
