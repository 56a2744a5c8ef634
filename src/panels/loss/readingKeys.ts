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
