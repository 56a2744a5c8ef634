// Going back: any step a run has reached is recovered exactly by training
// again from the nearest earlier checkpoint (the engine is deterministic). It
// serves a seek (the state at a step) and a view finer than the finest level
// of the pyramid (every step of a range), and a new view's history.
import type { Trainer } from '../core/types.ts';
import { cursorSnapshot } from './cursorSnapshot.ts';
import { M4Stream, type BucketPlan } from './m4.ts';
import type { StepRows } from './m4Rows.ts';
import type { CursorSnapshot, PageView } from './protocol.ts';
import type { RunSlot } from './runSlot.ts';
import { planFor, plannedReach } from './viewPlan.ts';

/** A LOD level whose buckets hold at most this many steps keeps every step (M4 keeps 4 rows). */
const EVERY_STEP_WIDTH = 4;
/**
 * The longest stretch a new view replays (a fraction of a second of training
 * at b = 1); a longer one finer than the finest level is merged from it, a
 * little coarser than asked. Plans never ask for that: a view's fine
 * stretches are a zoom or the first octaves of a log axis, both short.
 */
export const MAX_REPLAY_STEPS = 2 ** 23;

/** A trainer of the run standing at `step` (≤ the step the run reached), from the nearest checkpoint. */
export function trainerAt(slot: RunSlot, step: number): Trainer {
  const trainer = slot.checkpoints.nearest(slot.settings, step, slot.trainer) ?? slot.makeTrainer(slot.settings, slot.trainer);
  while (trainer.step < step && trainer.status === 'running') {
    if (trainer.advance(step - trainer.step, null, null) === 0) break;
  }
  return trainer;
}

/** Every step after `from` up to `to`, replayed, handed to `sink` a scratch-full at a time. */
export function replaySteps(slot: RunSlot, from: number, to: number, sink: (rows: StepRows) => void): void {
  const trainer = trainerAt(slot, from);
  const { scratch } = slot;
  while (trainer.step < to && trainer.status === 'running') {
    scratch.length = 0;
    if (trainer.advance(to - trainer.step, scratch, null) === 0) break;
    sink(scratch);
  }
}

/** The run's state at `step`, exactly, or null when the run has not got there. */
export function stateAt(slot: RunSlot, step: number): CursorSnapshot | null {
  if (step > slot.trainer.step) return null;
  if (step === slot.trainer.step) return cursorSnapshot(slot.trainer);
  return cursorSnapshot(trainerAt(slot, step));
}

/** The answer to a seek: the state, or why there is none. */
export function seekAnswer(slot: RunSlot | undefined, id: string, step: number): { state: CursorSnapshot | null; message: string | null } {
  if (!slot) return { state: null, message: `seek: no run '${id}'` };
  const state = stateAt(slot, step);
  return { state, message: state ? null : `seek: run '${id}' has reached step ${slot.trainer.step}, not ${step}` };
}

/** Every series of the run again (a new revision), for `view` at the run's reach. */
export function replan(slot: RunSlot, view: PageView): void {
  const reach = slot.trainer.step;
  const plan = planFor(view, { stepsPerEpoch: slot.stepsPerEpoch, examplesPerEpoch: slot.schedule.examplesPerEpoch, reach });
  const streams = historyStreams(slot, plan);
  slot.seriesKeys.forEach((key, i) => slot.series[key]!.replace(streams[i]));
  slot.plannedReach = plannedReach(reach, view.pixels);
}

/**
 * Streams for every series of the run (in seriesKeys order) under `plan`, fed the run's history: merged from
 * the finest level where it is fine enough (or keeps every step), replayed
 * where the plan asks for buckets finer than it.
 */
export function historyStreams(slot: RunSlot, plan: BucketPlan): M4Stream[] {
  const streams = slot.seriesKeys.map((key) => new M4Stream(key, plan));
  const reach = slot.trainer.step;
  const finest = slot.lod.loss.bucketWidth;
  for (const segment of plan) {
    if (segment.start >= reach) break;
    const to = Math.min(segment.end, reach);
    if (finest > EVERY_STEP_WIDTH && segment.width < finest && to - segment.start <= MAX_REPLAY_STEPS) {
      replaySteps(slot, segment.start, to, (rows) => {
        for (const stream of streams) stream.push(rows);
      });
      continue;
    }
    slot.seriesKeys.forEach((key, i) => {
      const lod = slot.lod[key]!;
      streams[i].push(lod, lod.rowAfter(segment.start), lod.rowAfter(to));
    });
  }
  return streams;
}
