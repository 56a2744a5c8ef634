// Which examples each batch of an epoch holds, for the five shuffle modes.
// Every mode but replacement uses each example at most once per epoch
// (exactly once without drop-last); all modes give the same batch sizes.
import type { Settings, ShuffleMode } from './settings.ts';
import { batchesPerEpoch, examplesPerEpoch } from './schedule.ts';
import { integerFrom, randomStream, shuffleFrom } from './random.ts';
import type { RandomSource, Shuffle } from './random.ts';

export type OrderSettings = Pick<Settings, 'n' | 'b' | 'drop' | 'shuffle' | 'seed'>;

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
  /** batches mode: which contiguous chunk of 0 … n−1 goes in each position. */
  private readonly chunks: Uint32Array;

  constructor(settings: OrderSettings) {
    const { n, b, drop, shuffle } = settings;
    this.mode = shuffle;
    this.n = n;
    this.b = b;
    this.batches = batchesPerEpoch(n, b, drop);
    const source = randomStream(settings.seed, 'order');
    this.shuffle = shuffleFrom(source);
    this.randomIndex = integerFrom(source, n);
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

  private layOutShuffledChunks(): void {
    const { chunks, order, bounds, b, n } = this;
    this.shuffle(chunks);
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
