// Reading the loss chart from the keyboard: the arrows walk the primary run's
// rows (Shift: ten at a time), Home and End jump, Escape stops reading.

/**
 * The row to read after `key`, given the row being read (null: none yet, so
 * the first arrow press lands on the newest row). null stops reading;
 * undefined means the key is not the chart's.
 */
export function rowAfterKey(key: string, shift: boolean, current: number | null, length: number): number | null | undefined {
  const at = current ?? length - 1;
  const jump = current === null ? 0 : shift ? 10 : 1;
  if (key === 'ArrowRight') return Math.min(length - 1, at + jump);
  if (key === 'ArrowLeft') return Math.max(0, at - jump);
  if (key === 'Home') return 0;
  if (key === 'End') return length - 1;
  if (key === 'Escape') return null;
  return undefined;
}

/**
 * rowAfterKey over the rows from … to−1 of a longer series (the rows inside a
 * zoom): the row being read is brought inside first, and the answer is a row
 * index of the whole series.
 */
export function rowInRangeAfterKey(key: string, shift: boolean, current: number | null, [from, to]: readonly [number, number]): number | null | undefined {
  if (to <= from) return undefined;
  const at = current === null ? null : Math.min(Math.max(current, from), to - 1) - from;
  const next = rowAfterKey(key, shift, at, to - from);
  return next === null || next === undefined ? next : from + next;
}
