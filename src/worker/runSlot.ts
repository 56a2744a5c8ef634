// One run as the runner holds it: its trainer, and everything kept of it in
// bounded memory — the finest level of the M4 pyramid of each series, every
// epoch record, checkpoints — plus the series streams that feed the page.
import { createEpochRecords, createStepRecords, EPOCH_COLUMNS, type EpochRecords, type SeriesRecords } from '../core/records.ts';
import type { Settings } from '../core/settings.ts';
import type { DataLender, Schedule, Trainer } from '../core/types.ts';
import { Checkpoints, type CheckpointEngine } from './checkpoints.ts';
import { EpochLog } from './epochLog.ts';
import { LodSeries } from './lodSeries.ts';
import { HEARTBEAT_MS, type RunConfig } from './protocol.ts';
import { SeriesStream } from './seriesStream.ts';
import type { SharedData } from './sharedData.ts';

/**
 * The thinned series a run can have, each keeping the extremes of its own
 * column: the loss and the mini-batch loss always, the validation loss only
 * when the run has a validation set (a run without one pays nothing for it).
 */
export const SERIES_KEYS = ['loss', 'batchLoss', 'valLoss'] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];
/** One of a thing per series of a run; valLoss only with a validation set. */
export type PerSeries<T> = { readonly loss: T; readonly batchLoss: T; readonly valLoss?: T };

/** The series of a run, in order. */
export function seriesKeysOf(trainer: Pick<Trainer, 'validation'>): readonly SeriesKey[] {
  return trainer.validation ? SERIES_KEYS : SERIES_KEYS.slice(0, 2);
}

function perSeries<T>(keys: readonly SeriesKey[], make: (key: SeriesKey) => T): PerSeries<T> {
  return Object.fromEntries(keys.map((key) => [key, make(key)])) as unknown as PerSeries<T>;
}

/** Steps trained into the scratch rows at a time before they are thinned; ~200 KB per run. */
export const TRAIN_ROWS = 4096;
const EPOCH_ROWS = 64;

export interface RunSlot {
  readonly id: string;
  readonly settings: Settings;
  readonly trainer: Trainer;
  readonly schedule: Schedule;
  readonly stepsPerEpoch: number;
  /** Makes another trainer of the run (for a replay without checkpoints), borrowing the run's data. */
  readonly makeTrainer: MakeTrainer;
  /** Raw rows of the last advance: reused, never sent. */
  readonly scratch: SeriesRecords;
  readonly epochScratch: EpochRecords;
  /** The run's series (seriesKeysOf): lod and series hold exactly these. */
  readonly seriesKeys: readonly SeriesKey[];
  readonly lod: PerSeries<LodSeries>;
  readonly series: PerSeries<SeriesStream>;
  /** Every epoch end so far (at most MAX_EPOCHS rows). */
  readonly epochs: EpochLog;
  readonly checkpoints: Checkpoints;
  /** Epoch rows the page has been sent. */
  epochsSent: number;
  /** The trainer's step in the last chunk sent (−1 before the first). */
  sentStep: number;
  /** The reach the current plan was made for (viewPlan.ts plannedReach). */
  plannedReach: number;
}

/** Builds a trainer, borrowing the data sets of `lender` (a trainer on the same data settings) when given. */
export type MakeTrainer = (settings: Settings, lender?: DataLender) => Trainer;

/** A run at step 0; its trainer borrows a data set from `shared` when a run on the same data has one, and offers its own. */
export function createRunSlot(config: RunConfig, makeTrainer: MakeTrainer, engine: CheckpointEngine | null, shared?: SharedData): RunSlot {
  const trainer = makeTrainer(config.settings, shared?.lenderFor(config.settings));
  shared?.offer(trainer);
  const seriesKeys = seriesKeysOf(trainer);
  return {
    id: config.id,
    settings: config.settings,
    trainer,
    schedule: trainer.schedule,
    stepsPerEpoch: trainer.schedule.stepsPerEpoch,
    makeTrainer,
    scratch: createStepRecords(TRAIN_ROWS),
    epochScratch: createEpochRecords(EPOCH_ROWS),
    seriesKeys,
    lod: perSeries(seriesKeys, (key) => new LodSeries(key)),
    series: perSeries(seriesKeys, (key) => new SeriesStream(key)),
    epochs: new EpochLog(),
    checkpoints: new Checkpoints(engine),
    epochsSent: 0,
    sentStep: -1,
    plannedReach: 0,
  };
}

/**
 * The runs of a configure, sharing data sets through `shared`. Building a run
 * of n = 10⁶ takes most of a second (its data set, its first epoch's order),
 * and eight of them longer than the page waits for a sign of life, so `beat`
 * is called between runs whenever HEARTBEAT_MS have passed on `now`.
 */
export function createRunSlots(configs: readonly RunConfig[], makeTrainer: MakeTrainer, engine: CheckpointEngine | null, shared: SharedData, now: () => number, beat: () => void): RunSlot[] {
  let lastBeat = now();
  return configs.map((config) => {
    const slot = createRunSlot(config, makeTrainer, engine, shared);
    if (now() - lastBeat >= HEARTBEAT_MS) {
      beat();
      lastBeat = now();
    }
    return slot;
  });
}

/** Still training: neither done nor diverged. */
export function isActive(slot: RunSlot): boolean {
  return slot.trainer.status === 'running';
}

/** Trains `steps` steps (none if ≤ 0), thinning them into the pyramid and the page's streams as they come. */
export function advanceRun(slot: RunSlot, steps: number): void {
  const { trainer, scratch, epochScratch, checkpoints } = slot;
  let left = steps;
  while (left > 0) {
    scratch.length = 0;
    epochScratch.length = 0;
    const taken = trainer.advance(Math.min(left, checkpoints.stepsUntilDue(trainer)), scratch, epochScratch);
    checkpoints.offer(trainer);
    for (const key of slot.seriesKeys) {
      slot.lod[key]!.append(scratch);
      slot.series[key]!.push(scratch, 0, scratch.length);
    }
    if (epochScratch.length) slot.epochs.append(epochScratch);
    if (taken === 0) return;
    left -= taken;
  }
}

/** No run is training any more (each is done or diverged). */
export function allStopped(runs: readonly RunSlot[]): boolean {
  return runs.every((r) => !isActive(r));
}

/** Something for the page since the last chunk: steps, epochs or a new revision of a series. */
export function hasNews(slot: RunSlot): boolean {
  return slot.sentStep !== slot.trainer.step || slot.epochsSent !== slot.epochs.length || slot.seriesKeys.some((k) => slot.series[k]!.changed);
}

/** What a run holds in the worker, in bytes: it must not grow with the steps (only the epoch log grows, to MAX_EPOCHS rows). */
export interface RunFootprint {
  readonly id: string;
  readonly pyramidBytes: number;
  readonly epochBytes: number;
  readonly checkpointBytes: number;
  readonly checkpoints: number;
}

export function footprintOf(slot: RunSlot): RunFootprint {
  return {
    id: slot.id,
    pyramidBytes: slot.seriesKeys.reduce((sum, key) => sum + slot.lod[key]!.byteSize, 0),
    // The epoch log holds the valLoss column beside the drawn ones.
    epochBytes: slot.epochs.capacity * Float64Array.BYTES_PER_ELEMENT * (EPOCH_COLUMNS.length + 1),
    checkpointBytes: slot.checkpoints.bytes,
    checkpoints: slot.checkpoints.count,
  };
}
