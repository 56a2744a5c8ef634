// The PNG target of the export composer: one canvas at twice the chart's CSS
// size (or more), on which the charts' canvas draw*.ts functions paint their
// series afresh at that scale, and their SVG layers and the chrome (title,
// axes, legend) are rasterised as vectors at that scale too — nothing is an
// upscaled copy of the screen.
import { EXPORT_TEXT, pngSize, type ExportLayout } from './exportLayout.ts';
import { chromeMarkup, plotClipRect, svgDocument, svgLayerMarkup } from './exportSvg.ts';
import type { ChartPieces } from './exportTypes.ts';

/** The browser parts a PNG needs; a parameter so the composition is tested without a browser. */
export interface PngTarget {
  createCanvas(width: number, height: number): Pick<HTMLCanvasElement, 'width' | 'height' | 'getContext' | 'toBlob'>;
  /** Decodes a standalone SVG document into something drawImage takes. */
  rasterize(svg: string): Promise<CanvasImageSource>;
}

async function loadSvg(svg: string): Promise<CanvasImageSource> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function browserPngTarget(): PngTarget {
  return {
    createCanvas(width, height) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      return canvas;
    },
    rasterize: loadSvg,
  };
}

export interface PngExport {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

export async function composeChartPng(pieces: ChartPieces, layout: ExportLayout, target: PngTarget = browserPngTarget()): Promise<PngExport> {
  const { width, height, ratio } = pngSize(layout, pieces.screen);
  const canvas = target.createCanvas(width, height);
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = EXPORT_TEXT.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  const { frame } = layout;
  const [ox, oy] = layout.origin;
  const layers = pieces.layers(frame);
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    if (layer.kind === 'paint') {
      const clip = plotClipRect(frame, layer.pad);
      ctx.save();
      ctx.translate(ox, oy);
      ctx.beginPath();
      ctx.rect(clip.x, clip.y, clip.width, clip.height);
      ctx.clip();
      try {
        layer.paint(ctx);
      } finally {
        ctx.restore();
      }
      continue;
    }
    const markup = svgLayerMarkup(layer.draw, frame, `export-layer-${i}`);
    if (markup) ctx.drawImage(await target.rasterize(svgDocument(frame.width, frame.height, markup, { scale: ratio })), ox, oy, frame.width, frame.height);
  }
  const chrome = await target.rasterize(svgDocument(layout.width, layout.height, chromeMarkup(layout), { scale: ratio }));
  ctx.drawImage(chrome, 0, 0, layout.width, layout.height);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
  return { blob, width, height };
}
