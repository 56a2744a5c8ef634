// Which line of the training loop the run is on. The engine only stops
// between gradient steps, so the current line is always the last one that
// ran: optimizer.step() inside an epoch, the epoch's last line at an epoch
// boundary, and the `for epoch` line before anything has run.
import type { LoopLine, LoopRole } from '../../core/pytorchLoop.ts';
import type { Schedule } from '../../core/types.ts';
import type { RunCursor } from '../../store/runTypes.ts';

/** The last line an epoch runs: scheduler.step() when the rate decays, else the epoch's print. */
export function endOfEpochRole(lines: readonly LoopLine[]): LoopRole {
  return lines.some((line) => line.role === 'schedule') ? 'schedule' : 'print';
}

/** Whether `step` gradient steps end exactly at an epoch boundary (0 counts as not started, not as a boundary). */
export function atEpochBoundary(step: number, stepsPerEpoch: number): boolean {
  return step > 0 && stepsPerEpoch > 0 && step % stepsPerEpoch === 0;
}

export function currentLoopRole(
  lines: readonly LoopLine[],
  cursor: Pick<RunCursor, 'step'>,
  schedule: Pick<Schedule, 'stepsPerEpoch'>,
): LoopRole {
  // A step count that is not a positive integer (NaN from a broken message) is shown as not started.
  if (!(cursor.step >= 1) || !Number.isInteger(cursor.step)) return 'epoch';
  return atEpochBoundary(cursor.step, schedule.stepsPerEpoch) ? endOfEpochRole(lines) : 'step';
}

/** Index in `lines` of the line the run is on (-1 only when the lines lack that role). */
export function currentLoopLine(
  lines: readonly LoopLine[],
  cursor: Pick<RunCursor, 'step'>,
  schedule: Pick<Schedule, 'stepsPerEpoch'>,
): number {
  const role = currentLoopRole(lines, cursor, schedule);
  return lines.findIndex((line) => line.role === role);
}
