// Which examples each batch of an epoch holds, for the five shuffle modes.
// Every mode but replacement uses each example at most once per epoch
// (exactly once without drop-last); all modes give the same batch sizes.
import type { Settings, ShuffleMode } from './settings.ts';
import { batchesPerEpoch, examplesPerEpoch } from './schedule.ts';
import { integerFrom, lcgStream, shuffleFrom } from './random.ts';
import type { Lcg, RandomSource, Shuffle } from './random.ts';

export type OrderSettings = Pick<Settings, 'n' | 'b' | 'drop' | 'shuffle' | 'seed'>;

/**
 * Everything the next epochs' layouts depend on, as plain data (a part of a
 * trainer checkpoint). The arrays are copies the BatchOrder never writes
 * again, and states saved while the layout has not changed share them: treat
 * them as frozen (restore copies them, it never keeps them).
 */
export interface BatchOrderState {
  readonly epochsBegun: number;
  /** The order stream's generator state. */
  readonly random: number;
  /**
   * shuffle=once, epoch, replacement: the whole permutation the epoch's order
   * is a prefix of (epoch reshuffles it in place, so it cannot be recomputed
   * from the generator). Null for none (always 0 … n−1) and batches.
   */
  readonly permutation: Uint32Array | null;
  /** shuffle=batches: which fixed batch sits in each position (reshuffled in place each epoch); null otherwise. */
  readonly chunks: Uint32Array | null;
}

export class BatchOrder {
  readonly mode: ShuffleMode;
  readonly batches: number;
  /** The epoch's examples, batch after batch: batch j is order[bounds[j] … bounds[j+1]). */
  readonly order: Uint32Array;
  readonly bounds: Uint32Array;
  /** Epochs begun so far. */
  private begun = 0;
  private readonly n: number;
  private readonly b: number;
  private readonly permutation: Uint32Array;
  private readonly shuffle: Shuffle;
  private readonly randomIndex: RandomSource;
  private readonly random: Lcg;
  /** Times the layout changed, and the arrays of the last saved state with the layout they copy. */
  private layouts = 0;
  private frozen: { layouts: number; permutation: Uint32Array | null; chunks: Uint32Array | null } | null = null;
  /** batches mode: which contiguous chunk of 0 … n−1 goes in each position. */
  private readonly chunks: Uint32Array;

  constructor(settings: OrderSettings) {
    const { n, b, drop, shuffle } = settings;
    this.mode = shuffle;
    this.n = n;
    this.b = b;
    this.batches = batchesPerEpoch(n, b, drop);
    this.random = lcgStream(settings.seed, 'order');
    this.shuffle = shuffleFrom(this.random.draw);
    this.randomIndex = integerFrom(this.random.draw, n);
    this.permutation = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.permutation[i] = i;
    this.order = this.permutation.subarray(0, examplesPerEpoch(n, b, drop));
    this.bounds = new Uint32Array(this.batches + 1);
    for (let j = 0; j <= this.batches; j++) this.bounds[j] = Math.min(j * b, this.order.length);
    this.chunks = new Uint32Array(shuffle === 'batches' ? this.batches : 0);
    for (let j = 0; j < this.chunks.length; j++) this.chunks[j] = j;
  }

  /** Epochs begun so far; the next beginEpoch() prepares epoch epochsBegun + 1. */
  get epochsBegun(): number {
    return this.begun;
  }

  /** Lays out the next epoch's batches in `order` and `bounds`. */
  beginEpoch(): void {
    const first = this.begun === 0;
    this.begun++;
    if (this.mode !== 'none' && (first || this.mode !== 'once')) this.layouts++;
    switch (this.mode) {
      case 'none':
        return;
      case 'once':
        if (first) this.shuffle(this.permutation);
        return;
      case 'epoch':
        // Shuffling the previous permutation again gives a fresh uniform one,
        // as PyTorch's randperm each epoch does, without refilling 0 … n−1.
        this.shuffle(this.permutation);
        return;
      case 'batches':
        this.layOutShuffledChunks();
        return;
      case 'replacement':
        for (let i = 0; i < this.order.length; i++) this.order[i] = this.randomIndex();
        return;
    }
  }

  /** Where the layouts stand; allocates copies only when the layout changed since the last save. */
  save(): BatchOrderState {
    if (this.frozen?.layouts !== this.layouts) {
      const keepsPermutation = this.mode === 'once' || this.mode === 'epoch' || this.mode === 'replacement';
      this.frozen = {
        layouts: this.layouts,
        permutation: keepsPermutation ? this.permutation.slice() : null,
        chunks: this.mode === 'batches' ? this.chunks.slice() : null,
      };
    }
    return { epochsBegun: this.begun, random: this.random.state, permutation: this.frozen.permutation, chunks: this.frozen.chunks };
  }

  /** Puts the layouts back where `state` (saved from a BatchOrder of the same settings) says. */
  restore(state: BatchOrderState): void {
    const { permutation, chunks } = this;
    if ((state.permutation?.length ?? permutation.length) !== permutation.length || (state.chunks?.length ?? chunks.length) !== chunks.length) {
      throw new RangeError('the saved batch order is for a different n, b or drop-last');
    }
    if (state.permutation) permutation.set(state.permutation);
    else for (let i = 0; i < permutation.length; i++) permutation[i] = i;
    if (state.chunks) {
      chunks.set(state.chunks);
      this.layOutChunks();
    }
    this.begun = state.epochsBegun;
    this.random.state = state.random;
    this.layouts++;
    this.frozen = null;
  }

  private layOutShuffledChunks(): void {
    this.shuffle(this.chunks);
    this.layOutChunks();
  }

  /** order and bounds for the batches in the sequence `chunks` says. */
  private layOutChunks(): void {
    const { chunks, order, bounds, b, n } = this;
    let at = 0;
    for (let j = 0; j < chunks.length; j++) {
      bounds[j] = at;
      const start = chunks[j] * b;
      const end = Math.min(start + b, n);
      for (let i = start; i < end; i++) order[at++] = i;
    }
    bounds[chunks.length] = at;
  }
}
