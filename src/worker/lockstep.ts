// Runs advance in lockstep by epoch: a shared progress P (in epochs) moves at
// the speed of the first run, and run i is brought to ⌊P · stepsPerEpoch_i⌋
// steps, so runs with different batch sizes finish their epochs side by side.
// Work is done in rounds of a few steps, whose size adapts so that a round
// takes about ROUND_MS and the runner reads the clock often enough.
import { ROUND_MS } from './pacing.ts';
import { advanceRun, isActive, type RunSlot } from './runSlot.ts';

export class Lockstep {
  /** Shared progress in epochs. */
  private sharedProgress = 0;
  /**
   * The steps-per-round budget: steps one round gives the run with the most
   * steps per epoch (the others get their share). Doubles or halves after
   * each round to keep rounds near ROUND_MS.
   */
  private stepsPerRound = 1;
  /** While seeking, the step each run stops at (its next epoch boundary). */
  private seekTargets: number[] = [];

  private readonly maxRoundSteps: number;

  constructor(maxRoundSteps: number) {
    this.maxRoundSteps = maxRoundSteps;
  }

  get progress(): number {
    return this.sharedProgress;
  }

  /** A new set of runs starts from step 0 with the smallest round. */
  restart(): void {
    this.sharedProgress = 0;
    this.stepsPerRound = 1;
  }

  removeRun(index: number): void {
    this.seekTargets.splice(index, 1);
  }

  /** One round of lockstep play toward `goal` (in epochs). */
  playRound(runs: readonly RunSlot[], goal: number, maxStepsPerEpoch: number): void {
    const next = Math.min(goal, this.sharedProgress + this.stepsPerRound / maxStepsPerEpoch);
    for (const slot of runs) {
      if (!isActive(slot)) continue;
      // The tiny relative nudge keeps ⌊(s/spe)·spe⌋ from landing one step short through rounding.
      const target = Math.floor(next * slot.stepsPerEpoch * (1 + 1e-12));
      advanceRun(slot, target - slot.trainer.step);
    }
    this.sharedProgress = next;
  }

  /** Each active run will stop at the end of its current epoch. */
  aimAtEpochEnds(runs: readonly RunSlot[]): void {
    this.seekTargets = runs.map((slot) => (isActive(slot) ? slot.trainer.step + slot.trainer.stepsToEpochEnd() : slot.trainer.step));
  }

  /** Each run will stop at the given step (replaying to where it was). */
  aimAtSteps(targets: readonly number[]): void {
    this.seekTargets = [...targets];
  }

  /** One round toward each run's seek target. */
  seekRound(runs: readonly RunSlot[], maxStepsPerEpoch: number): void {
    runs.forEach((slot, i) => {
      if (!isActive(slot)) return;
      const share = Math.max(1, Math.ceil((this.stepsPerRound * slot.stepsPerEpoch) / maxStepsPerEpoch));
      advanceRun(slot, Math.min(this.seekTargets[i] - slot.trainer.step, share));
    });
  }

  /** Every active run has reached its seek target. */
  seekDone(runs: readonly RunSlot[]): boolean {
    return runs.every((r, i) => !isActive(r) || r.trainer.step >= this.seekTargets[i]);
  }

  /** After runs moved on their own (step, stepEpoch), the shared clock restarts from the first run. */
  resync(runs: readonly RunSlot[]): void {
    const primary = runs[0];
    const active = runs.filter(isActive);
    if (isActive(primary) || !active.length) {
      this.sharedProgress = primary.trainer.step / primary.stepsPerEpoch;
    } else {
      this.sharedProgress = Math.min(...active.map((r) => r.trainer.step / r.stepsPerEpoch));
    }
  }

  /** Resizes the next round from how long the last one took. */
  adaptRound(roundMs: number): void {
    if (roundMs < ROUND_MS / 2) this.stepsPerRound = Math.min(this.stepsPerRound * 2, this.maxRoundSteps);
    else if (roundMs > ROUND_MS * 2) this.stepsPerRound = Math.max(1, Math.floor(this.stepsPerRound / 2));
  }
}
