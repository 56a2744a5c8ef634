// How an epoch is cut into batches and steps, as a PyTorch DataLoader does:
// ⌈n/b⌉ batches with the short one last, or ⌊n/b⌋ with drop_last=True.
import type { Settings } from './settings.ts';
import type { Schedule } from './types.ts';

export function batchesPerEpoch(n: number, b: number, drop: boolean): number {
  return drop ? Math.floor(n / b) : Math.ceil(n / b);
}

/** b when n is a multiple of b or the short batch is dropped, else n mod b. */
export function lastBatchSize(n: number, b: number, drop: boolean): number {
  const rest = n % b;
  return drop || rest === 0 ? b : rest;
}

export function examplesPerEpoch(n: number, b: number, drop: boolean): number {
  return drop ? n - (n % b) : n;
}

export function stepsPerEpoch(n: number, b: number, drop: boolean, k: number): number {
  return batchesPerEpoch(n, b, drop) * k;
}

export function createSchedule(settings: Pick<Settings, 'n' | 'b' | 'drop' | 'k' | 'epochs'>): Schedule {
  const { n, b, drop, k, epochs } = settings;
  const batches = batchesPerEpoch(n, b, drop);
  return {
    batchesPerEpoch: batches,
    stepsPerEpoch: batches * k,
    lastBatchSize: lastBatchSize(n, b, drop),
    examplesPerEpoch: examplesPerEpoch(n, b, drop),
    totalSteps: batches * k * epochs,
  };
}
