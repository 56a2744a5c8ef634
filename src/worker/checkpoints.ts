// Checkpoints of a run's trainer, from which any step it has reached is
// replayed exactly. They are spaced by example gradients, not steps — at
// b = n one step is a pass over up to 10⁶ examples — so a replay costs about
// the same work wherever it starts. A checkpoint is a row of ~20 numbers
// whatever n (the batch order is kept as the generator state it is drawn
// from), packed in typed arrays, so a run keeps thousands: when MAX_CHECKPOINTS
// are held, every other one goes and the spacing doubles, so a run of any
// length keeps between half and all of them, in CHECKPOINT_BUDGET_BYTES at most.
import { createTrainer, MAX_PACKED_CHECKPOINT_LENGTH, packCheckpoint, packedCheckpointLength, resumeTrainer, unpackCheckpoint } from '../core/index.ts';
import type { Settings } from '../core/settings.ts';
import type { Trainer } from '../core/types.ts';

/** How the engine saves and restores a trainer, as rows of numbers (core's checkpoint packing). */
export interface CheckpointEngine {
  /** Numbers one checkpoint of a run of these settings takes. */
  width(settings: Settings): number;
  /** Writes the (running) trainer's state into row[at … at + width). */
  capture(trainer: Trainer, row: Float64Array, at: number): void;
  /** A trainer at the checkpoint in row[at …]; `sameRun` lends its data set so it is not generated again. */
  resume(settings: Settings, row: Float64Array, at: number, sameRun: Trainer): Trainer;
  /** A trainer at step 0, likewise. */
  start(settings: Settings, sameRun: Trainer): Trainer;
  /** Example gradients the trainer has computed so far. */
  examples(trainer: Trainer): number;
}

/** The engine's own checkpoints (core/checkpoint.ts, packed by core/checkpointPacking.ts). */
export const CORE_CHECKPOINTS: CheckpointEngine = {
  width: (settings) => packedCheckpointLength(settings),
  capture: (trainer, row, at) => packCheckpoint(trainer.checkpoint(), row, at),
  resume: (settings, row, at, sameRun) => resumeTrainer(settings, unpackCheckpoint(settings, row, at), sameRun),
  start: (settings, sameRun) => createTrainer(settings, sameRun),
  examples: (trainer) => trainer.examples,
};

/**
 * A seek replays at most the spacing, under 2/MAX of the run's example
 * gradients: 16,384 keeps the longest run benchmarked, 10¹⁰ gradients
 * (b = n = 1000, k = 100, 10⁷ steps), at a spacing of 2²⁰ ≈ 10⁶ gradients, about 10 ms
 * of training; shorter runs keep FIRST_SPACING.
 */
export const MAX_CHECKPOINTS = 16_384;
/** Numbers kept per checkpoint beside the engine's row: its step and example count, which the search reads. */
const INDEX_COLUMNS = 2;
/** The most a run's checkpoints hold (3 MB, Adam's rows); eight runs stay well inside the renderer's memory goal. */
export const CHECKPOINT_BUDGET_BYTES = MAX_CHECKPOINTS * (MAX_PACKED_CHECKPOINT_LENGTH + INDEX_COLUMNS) * Float64Array.BYTES_PER_ELEMENT;
/**
 * Example gradients between checkpoints until MAX_CHECKPOINTS are first held:
 * ~2 ms of replay at b = 1 over n = 10⁶ (cache misses make each step slow
 * there), a fraction of a millisecond at larger b.
 */
export const FIRST_SPACING = 16_384;
/** Checkpoints room is first made for; it doubles as needed, so a short run holds little. */
const FIRST_CAPACITY = 64;

export class Checkpoints {
  private held = 0;
  private capacity = 0;
  /** Numbers per checkpoint, known at the first one (it depends on the run's optimiser). */
  private width = 0;
  private rows = new Float64Array(0);
  private stepColumn = new Float64Array(0);
  private exampleColumn = new Float64Array(0);
  private spacingExamples = FIRST_SPACING;

  constructor(
    private readonly engine: CheckpointEngine | null,
    private readonly maxCount = MAX_CHECKPOINTS,
  ) {}

  get count(): number {
    return this.held;
  }
  /** Bytes the arrays hold (room included). */
  get bytes(): number {
    return this.rows.byteLength + this.stepColumn.byteLength + this.exampleColumn.byteLength;
  }
  get spacing(): number {
    return this.spacingExamples;
  }
  /** Steps of the checkpoints held, in order. */
  get steps(): number[] {
    return Array.from(this.stepColumn.subarray(0, this.held));
  }

  /** Example gradients after which the next checkpoint is due. */
  private nextDue(): number {
    return (this.held > 0 ? this.exampleColumn[this.held - 1] : 0) + this.spacingExamples;
  }

  /** Steps the trainer may take before a checkpoint is due (at least 1; Infinity without an engine). */
  stepsUntilDue(trainer: Trainer): number {
    if (!this.engine) return Infinity;
    const left = this.nextDue() - this.engine.examples(trainer);
    return Math.max(1, Math.ceil(left / Math.max(1, trainer.settings.b)));
  }

  /** Takes a checkpoint when one is due (of a running trainer only: a stopped one's last state is the trainer itself). */
  offer(trainer: Trainer): void {
    const { engine } = this;
    if (!engine || trainer.step === 0 || trainer.status !== 'running' || engine.examples(trainer) < this.nextDue()) return;
    if (this.held >= this.maxCount) {
      this.thin();
      if (engine.examples(trainer) < this.nextDue()) return;
    }
    if (this.held === this.capacity) this.grow(trainer.settings);
    const i = this.held++;
    engine.capture(trainer, this.rows, i * this.width);
    this.stepColumn[i] = trainer.step;
    this.exampleColumn[i] = engine.examples(trainer);
  }

  /** A trainer at the latest checkpoint at or before `step` (step 0 when none is), or null without an engine. */
  nearest(settings: Settings, step: number, sameRun: Trainer): Trainer | null {
    if (!this.engine) return null;
    let lo = 0;
    let hi = this.held;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.stepColumn[mid] <= step) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.engine.resume(settings, this.rows, (lo - 1) * this.width, sameRun) : this.engine.start(settings, sameRun);
  }

  /** Twice the room (up to maxCount), the checkpoints held copied over. */
  private grow(settings: Settings): void {
    this.width ||= this.engine!.width(settings);
    this.capacity = Math.min(this.maxCount, Math.max(FIRST_CAPACITY, 2 * this.capacity));
    const grown = (old: Float64Array, width: number) => {
      const array = new Float64Array(this.capacity * width);
      array.set(old);
      return array;
    };
    this.rows = grown(this.rows, this.width);
    this.stepColumn = grown(this.stepColumn, 1);
    this.exampleColumn = grown(this.exampleColumn, 1);
  }

  /** Every other checkpoint goes (the 1st, 3rd, …: those off the doubled spacing), and the spacing doubles. */
  private thin(): void {
    const { width } = this;
    const kept = this.held >> 1;
    for (let i = 0; i < kept; i++) {
      const from = 2 * i + 1;
      this.rows.copyWithin(i * width, from * width, (from + 1) * width);
      this.stepColumn[i] = this.stepColumn[from];
      this.exampleColumn[i] = this.exampleColumn[from];
    }
    this.held = kept;
    this.spacingExamples *= 2;
  }
}
