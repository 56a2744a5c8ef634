// Every random choice of a run comes from a 32-bit LCG, seeded from the one
// user seed. Data, batch order, restarts, random starts and the validation set
// each get their own stream, so changing how examples are ordered (shuffle
// mode, batch size, drop-last) never changes the data set the runs are
// compared on. The generator is d3-random's randomLcg rewritten with its state
// in the open, so a trainer checkpoint can save and restore it; its arithmetic
// is d3's, so every number is bit-identical to what randomLcg gave.
import { randomInt, randomUniform } from 'd3-random';
import { portableLog } from './portableLog.ts';

export type RandomSource = () => number;

export const RANDOM_STREAMS = ['data', 'order', 'restart', 'init', 'val'] as const;
export type RandomStream = (typeof RANDOM_STREAMS)[number];

const STREAM_SALT: Record<RandomStream, number> = { data: 1, order: 2, restart: 3, init: 4, val: 5 };

// d3-random 3.0.2, src/lcg.js: the multiplier and increment of Numerical
// Recipes' LCG, and 2⁻³² to scale a state to [0, 1).
const MUL = 0x19660d;
const INC = 0x3c6ef35f;
const EPS = 1 / 0x100000000;

/**
 * The 32-bit LCG state a stream starts from. Feeding neighbouring seeds to
 * the LCG directly gives nearly equal first draws (seed 1 and 2 differ by
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
 * d3-random's randomLcg with a saveable state. randomLcg(seed) with seed in
 * [0, 1) starts from `seed / 2⁻³² | 0`, the signed 32-bit form of the state,
 * and each draw is `state = mul·state + inc | 0` then `2⁻³² · (state >>> 0)`:
 * the product is below 2⁵³, so it is exact, and `| 0` reduces it mod 2³².
 * `draw` is a bound arrow function, so it can be handed to d3's samplers like
 * randomLcg's function.
 */
export class Lcg {
  readonly draw: RandomSource;
  private readonly read: () => number;
  private readonly write: (state: number) => void;
  /**
   * Fisher–Yates in place, drawing from this generator: exactly d3-array's
   * shuffler(this.draw) — the same draws, positions and swaps, so the same
   * order and the same state after — with the state in a local for the loop,
   * which halves the time at n = 10⁶, where every seek draws an epoch's
   * order again. It reads the closure's state itself: a method calling
   * read and write (closures of each generator) was deoptimised with "wrong
   * call target" whenever a second generator shuffled, over and over.
   */
  readonly shuffle: (array: Uint32Array) => Uint32Array;

  constructor(state: number) {
    // The state lives in a closure, as in randomLcg: V8 keeps a context slot
    // there, which the samplers' tight loops read faster than an object field.
    let current = state | 0;
    this.draw = () => ((current = (MUL * current + INC) | 0), EPS * (current >>> 0));
    this.read = () => current >>> 0;
    this.write = (saved) => {
      current = saved | 0;
    };
    this.shuffle = (array) => {
      let state = current;
      let m = array.length;
      while (m) {
        state = (MUL * state + INC) | 0;
        const i = (EPS * (state >>> 0) * m--) | 0;
        const t = array[m];
        array[m] = array[i];
        array[i] = t;
      }
      current = state;
      return array;
    };
  }

  /** The state as an unsigned 32-bit integer: the next draws depend on nothing else. */
  get state(): number {
    return this.read();
  }

  /** Puts the generator back where `state` says; any 32-bit integer is a valid state. */
  set state(state: number) {
    this.write(state);
  }

}

/** The generator of one stream of the seed, at its start. */
export function lcgStream(seed: number, stream: RandomStream): Lcg {
  return new Lcg(streamState(seed, stream));
}

/** A uniform [0, 1) source for one stream of the seed (its state cannot be saved; use lcgStream for that). */
export function randomStream(seed: number, stream: RandomStream): RandomSource {
  return lcgStream(seed, stream).draw;
}

/** Where a NormalDraws stands: its uniform source's state, and the spare draw of the last accepted pair. */
export interface NormalState {
  readonly source: number;
  /** The second value of the last accepted pair, not yet used (NaN when there is none). */
  readonly spare: number;
  /** x² + y² of that pair, which the spare's draw reuses. */
  readonly r: number;
}

/**
 * Normal draws by d3-random's own algorithm (Marsaglia's polar method, the
 * same uniforms consumed in the same order), except that the logarithm is
 * portableLog: d3 calls Math.log, whose last bit differs between engines, and
 * a shared link must give the same data in every browser and in the CLI.
 * Each accepted pair (x, y) inside the unit disc yields two draws sharing r,
 * so the spare and r are state too, saved with the source's.
 */
export class NormalDraws {
  private readonly uniform: RandomSource;
  /** The source when its state can be saved; null for a plain function. */
  private readonly lcg: Lcg | null;
  private readonly mean: number;
  private readonly deviation: number;
  private spare = 0;
  private hasSpare = false;
  private r = 0;

  constructor(source: Lcg | RandomSource, mean = 0, deviation = 1) {
    this.lcg = source instanceof Lcg ? source : null;
    this.uniform = source instanceof Lcg ? source.draw : source;
    this.mean = mean;
    this.deviation = deviation;
  }

  readonly draw: RandomSource = () => {
    let y: number;
    if (this.hasSpare) {
      y = this.spare;
      this.hasSpare = false;
    } else {
      const { uniform } = this;
      let x: number;
      let r: number;
      do {
        x = uniform() * 2 - 1;
        y = uniform() * 2 - 1;
        r = x * x + y * y;
      } while (!r || r > 1);
      this.r = r;
      this.spare = x;
      this.hasSpare = true;
    }
    const { r } = this;
    return this.mean + this.deviation * y * Math.sqrt((-2 * portableLog(r)) / r);
  };

  save(): NormalState {
    if (!this.lcg) throw new Error('normal draws from a plain function cannot be saved: build them on an Lcg');
    return { source: this.lcg.state, spare: this.hasSpare ? this.spare : NaN, r: this.r };
  }

  restore(saved: NormalState): void {
    if (!this.lcg) throw new Error('normal draws from a plain function cannot be restored: build them on an Lcg');
    this.lcg.state = saved.source;
    this.hasSpare = !Number.isNaN(saved.spare);
    this.spare = this.hasSpare ? saved.spare : 0;
    this.r = saved.r;
  }
}

/** Normal draws from a uniform source (see NormalDraws), as a plain function. */
export function normalFrom(source: Lcg | RandomSource, mean = 0, deviation = 1): RandomSource {
  return new NormalDraws(source, mean, deviation).draw;
}

export function uniformFrom(source: RandomSource, min: number, max: number): RandomSource {
  return randomUniform.source(source)(min, max);
}

/** Integers 0 … count−1, uniformly. */
export function integerFrom(source: RandomSource, count: number): RandomSource {
  return randomInt.source(source)(0, count);
}
