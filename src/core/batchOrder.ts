// Which examples each batch of an epoch holds, for the five shuffle modes.
// Every mode but replacement uses each example at most once per epoch
// (exactly once without drop-last); all modes give the same batch sizes.
import type { Settings, ShuffleMode } from './settings.ts';
import { batchesPerEpoch, examplesPerEpoch } from './schedule.ts';
import { integerFrom, lcgStream } from './random.ts';
import type { Lcg, RandomSource } from './random.ts';

export type OrderSettings = Pick<Settings, 'n' | 'b' | 'drop' | 'shuffle' | 'seed'>;

/**
 * Everything the next epochs' layouts depend on, as plain data (a part of a
 * trainer checkpoint): two numbers, whatever n. Every mode lays out an epoch
 * from the order stream's state at that epoch's start alone — epoch refills
 * 0 … n−1 before shuffling, as PyTorch's RandomSampler draws a fresh
 * torch.randperm each epoch, and batches refills its chunk order likewise —
 * so restoring regenerates the epoch's layout (one O(n) pass and shuffle)
 * instead of keeping a copy of it.
 */
export interface BatchOrderState {
  readonly epochsBegun: number;
  /**
   * The order stream's generator state the layout in force was drawn from:
   * at the start of the current epoch (of epoch 1 for once; the stream's
   * start before any epoch and for none, which draws nothing). The stream is
   * drawn only to lay out epochs, so it is also where the next layout starts.
   */
  readonly layoutRandom: number;
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
  private readonly randomIndex: RandomSource;
  private readonly random: Lcg;
  /** See BatchOrderState.layoutRandom. */
  private layoutRandom: number;
  /** batches mode: which contiguous chunk of 0 … n−1 goes in each position. */
  private readonly chunks: Uint32Array;

  /**
   * `sameRun`, another BatchOrder (its run's, or a compared run's), lends its
   * bounds when they are this one's — the same n, b and drop-last, checked
   * here — and neither lays batches out anew (every mode but batches): a
   * trainer resumed for a seek at b = 1 then skips an array and a pass of n entries.
   */
  constructor(settings: OrderSettings, sameRun?: BatchOrder) {
    const { n, b, drop, shuffle } = settings;
    this.mode = shuffle;
    this.n = n;
    this.b = b;
    this.batches = batchesPerEpoch(n, b, drop);
    this.random = lcgStream(settings.seed, 'order');
    this.layoutRandom = this.random.state;
    this.randomIndex = integerFrom(this.random.draw, n);
    this.permutation = new Uint32Array(n);
    this.order = this.permutation.subarray(0, examplesPerEpoch(n, b, drop));
    const lends = sameRun && sameRun.mode !== 'batches' && shuffle !== 'batches' && sameRun.n === n && sameRun.b === b && sameRun.order.length === this.order.length;
    this.bounds = lends ? sameRun.bounds : new Uint32Array(this.batches + 1);
    if (!lends) for (let j = 0; j <= this.batches; j++) this.bounds[j] = Math.min(j * b, this.order.length);
    this.chunks = new Uint32Array(shuffle === 'batches' ? this.batches : 0);
    this.layOut(false);
  }

  /** Epochs begun so far; the next beginEpoch() prepares epoch epochsBegun + 1. */
  get epochsBegun(): number {
    return this.begun;
  }

  /** Lays out the next epoch's batches in `order` and `bounds`. */
  beginEpoch(): void {
    const first = this.begun === 0;
    this.begun++;
    if (this.mode === 'none' || (this.mode === 'once' && !first)) return;
    this.layoutRandom = this.random.state;
    this.layOut(true);
  }

  /** Where the layouts stand: two numbers, no copy of the order. */
  save(): BatchOrderState {
    return { epochsBegun: this.begun, layoutRandom: this.layoutRandom };
  }

  /** Puts the layouts back where `state` (saved from a BatchOrder of the same settings) says, drawing the epoch's layout again. */
  restore(state: BatchOrderState): void {
    this.begun = state.epochsBegun;
    this.layoutRandom = state.layoutRandom;
    this.random.state = state.layoutRandom;
    this.layOut(this.begun > 0);
  }

  /**
   * The layout drawn from the stream's current state (`draw`), or 0 … n−1 in
   * order before any is drawn (and always for none); it reads nothing of the
   * previous layout.
   */
  private layOut(draw: boolean): void {
    const { permutation, order, chunks } = this;
    switch (this.mode) {
      case 'none':
        for (let i = 0; i < permutation.length; i++) permutation[i] = i;
        return;
      case 'once':
      case 'epoch':
        for (let i = 0; i < permutation.length; i++) permutation[i] = i;
        if (draw) this.random.shuffle(permutation);
        return;
      case 'batches':
        for (let j = 0; j < chunks.length; j++) chunks[j] = j;
        if (draw) this.random.shuffle(chunks);
        this.layOutChunks();
        return;
      case 'replacement':
        if (draw) for (let i = 0; i < order.length; i++) order[i] = this.randomIndex();
        else for (let i = 0; i < permutation.length; i++) permutation[i] = i;
        return;
    }
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
