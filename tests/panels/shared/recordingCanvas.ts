// A canvas element for the painters' tests: its context records the strokes
// (CanvasRecorder), counts the clears that start a whole paint or a shown
// picture, and counts the pictures drawn onto it (a raster worker's bitmaps).
import { CanvasRecorder } from './canvasRecorder.ts';

export function recordingCanvas() {
  const recorder = new CanvasRecorder();
  const clears = { count: 0 };
  const images = { count: 0 };
  const context = Object.assign(recorder, {
    setTransform: () => {},
    clearRect: () => void clears.count++,
    drawImage: () => void images.count++,
    rect: () => {},
    clip: () => {},
    arc: recorder.arc.bind(recorder),
  });
  const canvas = { width: 0, height: 0, style: {} as Record<string, string>, dataset: {} as Record<string, string>, getContext: () => context };
  return { canvas: canvas as unknown as HTMLCanvasElement, recorder, clears, images };
}
