// One run as the runner holds it: its trainer and the chunk of records it is
// filling for the next post.
import type { Settings } from '../core/settings.ts';
import type { Trainer } from '../core/types.ts';
import { ChunkBuilder } from './chunkBuilder.ts';
import type { RunConfig } from './protocol.ts';

export interface RunSlot {
  readonly id: string;
  readonly settings: Settings;
  readonly trainer: Trainer;
  readonly stepsPerEpoch: number;
  readonly builder: ChunkBuilder;
}

export function createRunSlot(config: RunConfig, makeTrainer: (settings: Settings) => Trainer): RunSlot {
  const trainer = makeTrainer(config.settings);
  return { id: config.id, settings: config.settings, trainer, stepsPerEpoch: trainer.schedule.stepsPerEpoch, builder: new ChunkBuilder() };
}

/** Still training: neither done nor diverged. */
export function isActive(slot: RunSlot): boolean {
  return slot.trainer.status === 'running';
}

/** Steps the run's pending chunk can still take before it is full. */
export function chunkRoom(slot: RunSlot, maxChunkSteps: number): number {
  return maxChunkSteps - slot.builder.steps.length;
}

export function chunkFull(slot: RunSlot, maxChunkSteps: number): boolean {
  return slot.builder.steps.length >= maxChunkSteps;
}

/** Trains `steps` steps (none if ≤ 0) into the pending chunk. */
export function advanceRun(slot: RunSlot, steps: number): void {
  if (steps <= 0) return;
  slot.builder.reserve(steps, slot.stepsPerEpoch);
  slot.trainer.advance(steps, slot.builder.steps, slot.builder.epochs);
}

/** No run is training any more (each is done or diverged). */
export function allStopped(runs: readonly RunSlot[]): boolean {
  return runs.every((r) => !isActive(r));
}
