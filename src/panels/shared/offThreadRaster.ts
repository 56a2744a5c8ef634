// Rastering a canvas layer's whole repaint in a worker. Where there is no GPU,
// a canvas is rastered in software on the main thread when the frame is
// committed: a whole repaint of five runs' curves costs 30–100 ms there, every
// such frame a dropped one. The page records the drawing (displayList.ts), a
// worker (raster.worker.ts) replays it on an OffscreenCanvas and hands back an
// ImageBitmap, which the page only copies. A page without OffscreenCanvas, or
// whose worker fails, paints on the main thread as before: `available` turns
// false and every waiting request gets null.
import type { DisplayList } from './displayList.ts';

/** A drawing to raster: the picture's size in device pixels, and the recorded calls (in device pixels: the list sets its own transform). */
export interface RasterScene {
  readonly width: number;
  readonly height: number;
  readonly list: DisplayList;
}

/** What the page posts: a request number and the scene. */
export interface RasterRequest {
  readonly id: number;
  readonly scene: RasterScene;
}

/** What the worker posts back: the picture, or null and why not, and the list's numbers, so their buffer is used again. */
export interface RasterReply {
  readonly id: number;
  readonly bitmap: ImageBitmap | null;
  readonly ops: Float64Array;
  readonly error?: string;
}

/** Whether this page can raster in a worker at all. */
export function canRasterOffThread(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined' && typeof ImageBitmap !== 'undefined';
}

export class OffThreadRaster {
  private worker: Worker | null = null;
  private broken = !canRasterOffThread();
  private nextId = 1;
  private readonly waiting = new Map<number, (bitmap: ImageBitmap | null) => void>();
  /**
   * A list's buffer back from the worker, for the next recording: each repaint
   * records 100,000+ numbers, and a fresh buffer each time is garbage the worker
   * collects late (its JavaScript heap stays small) — tens of MB of it at once.
   */
  private spare: Float64Array | null = null;

  /** `create` makes the worker, on the first request. */
  constructor(private readonly create: () => Worker) {}

  /** False once the worker has failed (or where there is none): the caller paints on the main thread. */
  get available(): boolean {
    return !this.broken;
  }

  /** Rasters `scene` in the worker (its list's buffer moves there); null when the worker cannot. */
  render(scene: RasterScene): Promise<ImageBitmap | null> {
    if (this.broken) return Promise.resolve(null);
    const worker = this.started();
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, scene } satisfies RasterRequest, [scene.list.ops.buffer]);
    });
  }

  /** A buffer to record the next repaint into: the last one back from the worker, if any (taken, not shared). */
  takeBuffer(): Float64Array | undefined {
    const spare = this.spare ?? undefined;
    this.spare = null;
    return spare;
  }

  /** Keeps a recording's buffer that was not sent (a repaint small enough for the page) for the next one. */
  keepBuffer(ops: Float64Array): void {
    if (!this.spare || this.spare.length < ops.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT) this.spare = new Float64Array(ops.buffer);
  }

  /** Stops the worker; requests still waiting get null. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.settleAll();
  }

  private started(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = this.create();
      worker.onmessage = (event: MessageEvent<RasterReply>) => this.settle(event.data);
      worker.onerror = () => this.fail();
      worker.onmessageerror = () => this.fail();
      this.worker = worker;
      return worker;
    } catch {
      this.fail();
      return null;
    }
  }

  private settle(reply: RasterReply): void {
    if (reply.ops) this.keepBuffer(reply.ops);
    const resolve = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    // A worker that cannot paint (no 2D context on an OffscreenCanvas) says so once: from then on the page paints.
    if (!reply.bitmap) this.fail();
    if (resolve) resolve(reply.bitmap);
    else reply.bitmap?.close();
  }

  private fail(): void {
    this.broken = true;
    this.worker?.terminate();
    this.worker = null;
    this.settleAll();
  }

  private settleAll(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}

/** The page's raster worker, one for all its charts, or null where a worker cannot raster (then every paint is on the main thread). */
export function rasterWorker(): OffThreadRaster | null {
  return canRasterOffThread() ? new OffThreadRaster(() => new Worker(new URL('./raster.worker.ts', import.meta.url), { type: 'module' })) : null;
}
