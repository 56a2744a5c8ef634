// Facts about an epoch that the worker does not send — which examples came
// first, how many distinct ones a replacement epoch drew, where a restarted
// epoch began — recomputed on the page from the seed. It uses the engine's
// own BatchOrder and restart stream, so it agrees with the trainer exactly.
import type { Settings } from '../../core/settings.ts';
import { BatchOrder } from '../../core/batchOrder.ts';
import { randomStream, uniformFrom } from '../../core/random.ts';
import type { RandomSource } from '../../core/random.ts';
import { RESTART_RANGE } from '../../core/trainer.ts';
import { ORDER_HEAD_LENGTH } from './captionInput.ts';

/** Examples shuffled per call at most (a few milliseconds); beyond it the order is reported unknown rather than stall the page. */
export const DEFAULT_REPLAY_BUDGET = 2_000_000;

export interface ReplayedEpoch {
  /** First examples of the epoch's order, or null when replaying that far would exceed the budget. */
  readonly orderHead: readonly number[] | null;
  /** shuffle=replacement: distinct examples the epoch drew; null for other modes or when unknown. */
  readonly distinctExamples: number | null;
  /** restart=true, epoch 2 onwards: the random weights it began at; otherwise null. */
  readonly epochStartW: readonly [number, number] | null;
}

/**
 * Replays a run's batch orders and restarts forward, one epoch at a time,
 * keeping its place so following a live run costs what the trainer's own
 * shuffling costs. Asking for an earlier epoch starts over.
 */
export class EpochReplay {
  private readonly settings: Settings;
  private readonly budget: number;
  private order: BatchOrder;
  private restartDraw: RandomSource;
  /** Restart draws taken so far; epoch e ≥ 2 began at draws 2(e−2) and 2(e−2)+1. */
  private restartsDrawn = 0;
  private restartW: [number, number] = [NaN, NaN];
  /** Examples drawn, marked per epoch for the distinct count (replacement only). */
  private readonly seen: Uint8Array;

  constructor(settings: Settings, budget = DEFAULT_REPLAY_BUDGET) {
    this.settings = settings;
    this.budget = budget;
    this.order = new BatchOrder(settings);
    this.restartDraw = this.restartStream();
    this.seen = new Uint8Array(settings.shuffle === 'replacement' ? settings.n : 0);
  }

  /** What is known of 1-based epoch `epoch`, shuffling at most `budget` examples (the constructor's by default) this call. */
  epoch(epoch: number, budget = this.budget): ReplayedEpoch {
    if (!Number.isInteger(epoch) || epoch < 1) return { orderHead: null, distinctExamples: null, epochStartW: null };
    const onOrder = this.advanceOrderTo(epoch, budget);
    return {
      orderHead: onOrder ? Array.from(this.order.order.subarray(0, ORDER_HEAD_LENGTH)) : null,
      distinctExamples: onOrder && this.settings.shuffle === 'replacement' ? this.distinct() : null,
      epochStartW: this.settings.restart && epoch > 1 ? this.restartAt(epoch) : null,
    };
  }

  private restartStream(): RandomSource {
    return uniformFrom(randomStream(this.settings.seed, 'restart'), -RESTART_RANGE, RESTART_RANGE);
  }

  /** Lays out `epoch`'s order if the budget allows; false when it is out of reach this call. */
  private advanceOrderTo(epoch: number, budget: number): boolean {
    if (this.order.epochsBegun > epoch) this.order = new BatchOrder(this.settings);
    let spent = 0;
    while (this.order.epochsBegun < epoch) {
      const cost = this.layoutCost(this.order.epochsBegun + 1);
      // At least one epoch per call, so a lagging replay still catches up.
      if (spent > 0 && spent + cost > budget) return false;
      this.order.beginEpoch();
      spent += cost;
    }
    return true;
  }

  /** Examples moved to lay out `epoch`: fixed orders cost nothing after the first shuffle. */
  private layoutCost(epoch: number): number {
    switch (this.settings.shuffle) {
      case 'none':
        return 0;
      case 'once':
        return epoch === 1 ? this.settings.n : 0;
      default:
        return this.order.order.length;
    }
  }

  private distinct(): number {
    const { seen } = this;
    const drawn = this.order.order;
    seen.fill(0);
    let distinct = 0;
    for (let i = 0; i < drawn.length; i++) {
      if (seen[drawn[i]] === 0) {
        seen[drawn[i]] = 1;
        distinct++;
      }
    }
    return distinct;
  }

  private restartAt(epoch: number): readonly [number, number] {
    const needed = 2 * (epoch - 1);
    if (this.restartsDrawn > needed) {
      this.restartDraw = this.restartStream();
      this.restartsDrawn = 0;
    }
    while (this.restartsDrawn < needed) {
      this.restartW = [this.restartDraw(), this.restartDraw()];
      this.restartsDrawn += 2;
    }
    return [this.restartW[0], this.restartW[1]];
  }
}
