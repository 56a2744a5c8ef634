// Saving a chart as PNG or SVG. A panel is a stack of layers (SVG axes and
// markers over canvas series), so an export flattens the stack: as SVG with
// each canvas embedded as an <image>, or as PNG drawn layer by layer.

export type ExportLayer =
  | { readonly kind: 'svg'; readonly markup: string }
  | { readonly kind: 'image'; readonly href: string; readonly width: number; readonly height: number };

/** The panel styles an exported SVG needs, since it leaves the page's stylesheet behind. */
export const EXPORT_CSS = [
  'text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }',
  '.axis text { fill: #4a5360; font-size: 10.5px; }',
  '.axis path, .axis line { stroke: #9aa3ad; fill: none; }',
  '.axis-title { fill: #3a424c; font-size: 11px; }',
  '.grid line { stroke: #eef0f3; }',
  '.epoch-rule { stroke: #d5dae1; stroke-dasharray: 2 3; }',
].join('\n');

const SVG_NS = 'http://www.w3.org/2000/svg';

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface ComposeOptions {
  /** Shown by file browsers and screen readers. */
  readonly title?: string;
  readonly css?: string;
  /** Paint white under the layers (off when the SVG is one layer of a PNG). */
  readonly background?: boolean;
}

/** One standalone SVG document of the given size holding the layers in order (first = bottom). */
export function composeSvg(width: number, height: number, layers: readonly ExportLayer[], options: ComposeOptions = {}): string {
  const { title = '', css = EXPORT_CSS, background = true } = options;
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const body = layers
    .map((layer) =>
      layer.kind === 'svg'
        ? `<g>${layer.markup}</g>`
        : `<image href="${escapeAttribute(layer.href)}" x="0" y="0" width="${layer.width}" height="${layer.height}" preserveAspectRatio="none"/>`,
    )
    .join('');
  const titleElement = title ? `<title>${escapeText(title)}</title>` : '';
  return (
    `<svg xmlns="${SVG_NS}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `${titleElement}<style>${escapeText(css)}</style>` +
    `${background ? '<rect width="100%" height="100%" fill="#fff"/>' : ''}${body}</svg>`
  );
}

/** A file name for a chart export, e.g. "epoch-lab-loss.png". */
export function exportFileName(chart: string, extension: 'png' | 'svg'): string {
  const slug = chart
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `epoch-lab-${slug || 'chart'}.${extension}`;
}

/** The drawable layers of a panel: its plot's canvases and SVGs, bottom first. */
export function chartLayers(panel: HTMLElement): { width: number; height: number; layers: ExportLayer[] } {
  const plot = panel.querySelector<HTMLElement>('.panel-plot') ?? panel;
  const box = plot.getBoundingClientRect();
  const layers: ExportLayer[] = [];
  for (const child of Array.from(plot.children)) {
    if (child instanceof HTMLCanvasElement) {
      layers.push({ kind: 'image', href: child.toDataURL('image/png'), width: box.width, height: box.height });
    } else if (child instanceof SVGSVGElement) {
      layers.push({ kind: 'svg', markup: new XMLSerializer().serializeToString(child) });
    }
  }
  return { width: box.width, height: box.height, layers };
}

export function chartToSvg(panel: HTMLElement): string {
  const { width, height, layers } = chartLayers(panel);
  const title = panel.querySelector('.panel-title')?.textContent ?? '';
  return composeSvg(width, height, layers, { title });
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

/**
 * The chart as a PNG at `scale` device pixels per CSS pixel. Canvases are
 * copied directly; each SVG layer is rasterised on its own (an SVG holding
 * only vector content does not taint the canvas).
 */
export async function chartToPng(panel: HTMLElement, scale = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1): Promise<Blob> {
  const plot = panel.querySelector<HTMLElement>('.panel-plot') ?? panel;
  const box = plot.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width * scale));
  out.height = Math.max(1, Math.round(box.height * scale));
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the export (no 2D canvas).');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, box.width, box.height);
  for (const child of Array.from(plot.children)) {
    if (child instanceof HTMLCanvasElement) {
      ctx.drawImage(child, 0, 0, box.width, box.height);
    } else if (child instanceof SVGSVGElement) {
      const layer: ExportLayer = { kind: 'svg', markup: new XMLSerializer().serializeToString(child) };
      const markup = composeSvg(box.width, box.height, [layer], { background: false });
      const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
      try {
        ctx.drawImage(await loadImage(url), 0, 0, box.width, box.height);
      } finally {
        URL.revokeObjectURL(url);
      }
    }
  }
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
}

/** Offers a blob to the user as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
