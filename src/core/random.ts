// Every random choice of a run comes from d3-random's LCG, seeded from the
// one user seed. Data, batch order and restarts each get their own stream, so
// changing how examples are ordered (shuffle mode, batch size, drop-last)
// never changes the data set the runs are compared on.
import { randomInt, randomLcg, randomNormal, randomUniform } from 'd3-random';
import { shuffler } from 'd3-array';

export type RandomSource = () => number;

export const RANDOM_STREAMS = ['data', 'order', 'restart'] as const;
export type RandomStream = (typeof RANDOM_STREAMS)[number];

const STREAM_SALT: Record<RandomStream, number> = { data: 1, order: 2, restart: 3 };
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

export function normalFrom(source: RandomSource, mean = 0, deviation = 1): RandomSource {
  return randomNormal.source(source)(mean, deviation);
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
