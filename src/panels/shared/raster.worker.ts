// The charts' raster worker: replays each recorded whole repaint onto an
// OffscreenCanvas and posts the picture back (offThreadRaster.ts).
import { replay } from './displayList.ts';
import type { RasterReply, RasterRequest, RasterScene } from './offThreadRaster.ts';

/** The part of a dedicated worker's global scope used here (the page's tsconfig types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<RasterRequest>) => void) | null;
  postMessage(message: RasterReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** One canvas for every picture: a new OffscreenCanvas per repaint leaves its context and backing store to a garbage collector that a worker allocating little JavaScript rarely runs. */
class Rasterizer {
  private canvas: OffscreenCanvas | null = null;

  raster({ width, height, list }: RasterScene): ImageBitmap {
    const canvas = (this.canvas ??= new OffscreenCanvas(width, height));
    // Setting the size clears the canvas and resets its state, as a new one would be.
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context on an OffscreenCanvas');
    replay(list, ctx);
    return canvas.transferToImageBitmap();
  }
}

const rasterizer = new Rasterizer();

scope.onmessage = ({ data }) => {
  // The list's buffer goes back with the answer, for the page's next recording.
  const { ops } = data.scene.list;
  try {
    const bitmap = rasterizer.raster(data.scene);
    scope.postMessage({ id: data.id, bitmap, ops }, [bitmap, ops.buffer]);
  } catch (error) {
    scope.postMessage({ id: data.id, bitmap: null, ops, error: String(error) }, [ops.buffer]);
  }
};
