// Arrays the loss layout writes into, kept per run between frames.

/** Float64Arrays reused across frames while a run grows, so a running chart does not churn the heap. */
export class Buffers {
  private readonly arrays = new Map<string, Float64Array>();
  get(name: string, length: number): Float64Array {
    const old = this.arrays.get(name);
    if (old && old.length >= length) return old.subarray(0, length);
    const fresh = new Float64Array(Math.max(length, Math.ceil((old?.length ?? 0) * 1.5), 64));
    this.arrays.set(name, fresh);
    return fresh.subarray(0, length);
  }
}
