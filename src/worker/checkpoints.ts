// Checkpoints of a run's trainer, from which any step it has reached is
// replayed exactly. They are spaced by example gradients, not steps — at
// b = n one step is a pass over up to 10⁶ examples — so a replay costs about
// the same work wherever it starts, and they live in a memory budget: when
// it is full, every other checkpoint goes and the spacing doubles, so a run
// of any length keeps between half and all of MAX_CHECKPOINTS of them.
import { checkpointBytes, createTrainer, resumeTrainer, type TrainerCheckpoint } from '../core/index.ts';
import type { Settings } from '../core/settings.ts';
import type { Trainer } from '../core/types.ts';

/** How the engine saves and restores a trainer (core's checkpoint API). */
export interface CheckpointEngine<C> {
  capture(trainer: Trainer): C;
  /** A trainer at the checkpoint; `sameRun` lends its data set so it is not generated again. */
  resume(settings: Settings, checkpoint: C, sameRun: Trainer): Trainer;
  /** A trainer at step 0, likewise. */
  start(settings: Settings, sameRun: Trainer): Trainer;
  /** Example gradients the trainer has computed so far. */
  examples(trainer: Trainer): number;
  /** Bytes held, counting a buffer already in `counted` (shared by checkpoints of one epoch) once. */
  bytes(checkpoint: C, counted: Set<ArrayBufferLike>): number;
}

/** The engine's own checkpoints (core/checkpoint.ts). */
export const CORE_CHECKPOINTS: CheckpointEngine<TrainerCheckpoint> = {
  capture: (trainer) => trainer.checkpoint(),
  resume: (settings, checkpoint, sameRun) => resumeTrainer(settings, checkpoint, sameRun),
  start: (settings, sameRun) => createTrainer(settings, sameRun),
  examples: (trainer) => trainer.examples,
  bytes: (checkpoint) => checkpointBytes(checkpoint),
};

/**
 * A replay from the nearest checkpoint costs up to two spacings, ~2/MAX of
 * the run's example gradients: 256 keeps a seek in a 3.2·10⁸-gradient run
 * (b = 32, 10⁷ steps) near 2.5·10⁶ gradients; the byte budget still binds first at large n.
 */
export const MAX_CHECKPOINTS = 256;
/** Per run; eight runs of n = 10⁶ stay well inside the renderer's memory goal. */
export const CHECKPOINT_BUDGET_BYTES = 8 * 1024 * 1024;
/** Example gradients between checkpoints until the budget first fills (~1 ms of training). */
export const FIRST_SPACING = 65_536;

interface Entry<C> {
  readonly step: number;
  readonly examples: number;
  readonly checkpoint: C;
}

export class Checkpoints<C = unknown> {
  private entries: Entry<C>[] = [];
  private spacingExamples = FIRST_SPACING;
  private heldBytes = 0;

  constructor(
    private readonly engine: CheckpointEngine<C> | null,
    private readonly budgetBytes = CHECKPOINT_BUDGET_BYTES,
    private readonly maxCount = MAX_CHECKPOINTS,
  ) {}

  get count(): number {
    return this.entries.length;
  }
  get bytes(): number {
    return this.heldBytes;
  }
  get spacing(): number {
    return this.spacingExamples;
  }
  /** Steps of the checkpoints held, in order. */
  get steps(): number[] {
    return this.entries.map((e) => e.step);
  }

  /** Example gradients after which the next checkpoint is due. */
  private nextDue(): number {
    const last = this.entries.at(-1);
    return (last ? last.examples : 0) + this.spacingExamples;
  }

  /** Steps the trainer may take before a checkpoint is due (at least 1; Infinity without an engine). */
  stepsUntilDue(trainer: Trainer): number {
    if (!this.engine) return Infinity;
    const left = this.nextDue() - this.engine.examples(trainer);
    return Math.max(1, Math.ceil(left / Math.max(1, trainer.settings.b)));
  }

  /** Takes a checkpoint when one is due. */
  offer(trainer: Trainer): void {
    if (!this.engine || trainer.step === 0 || this.engine.examples(trainer) < this.nextDue()) return;
    this.entries.push({ step: trainer.step, examples: this.engine.examples(trainer), checkpoint: this.engine.capture(trainer) });
    this.countBytes();
    while (this.entries.length > 1 && (this.entries.length > this.maxCount || this.heldBytes > this.budgetBytes)) this.thin();
  }

  /** A trainer at the latest checkpoint at or before `step` (step 0 when none is), or null without an engine. */
  nearest(settings: Settings, step: number, sameRun: Trainer): Trainer | null {
    if (!this.engine) return null;
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].step <= step) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.engine.resume(settings, this.entries[lo - 1].checkpoint, sameRun) : this.engine.start(settings, sameRun);
  }

  private countBytes(): void {
    const counted = new Set<ArrayBufferLike>();
    let bytes = 0;
    for (const entry of this.entries) bytes += this.engine!.bytes(entry.checkpoint, counted);
    this.heldBytes = bytes;
  }

  /** Every other checkpoint goes (the 1st, 3rd, …: those off the doubled spacing), and the spacing doubles. */
  private thin(): void {
    this.entries = this.entries.filter((_, i) => i % 2 === 1);
    this.countBytes();
    this.spacingExamples *= 2;
  }
}
