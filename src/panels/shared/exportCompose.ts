// The export composer's one entry point: a chart's pieces in, a PNG or SVG
// file out, laid out by exportLayout.ts and drawn by exportPng.ts or
// exportSvg.ts. Loaded with import() when a PNG or SVG button is pressed,
// so none of it is in the page's first chunk.
import { estimateText, EXPORT_TEXT, layoutExport, type TextMeasure } from './exportLayout.ts';
import { exportFileName } from './exportImage.ts';
import { composeChartPng } from './exportPng.ts';
import { composeChartSvg } from './exportSvg.ts';
import type { ChartPieces } from './exportTypes.ts';

/**
 * The browser's own widths for the export's font, padded by the estimate's
 * margin so a reader with a wider font still fits; the estimate where there
 * is no canvas.
 */
function browserMeasure(): TextMeasure {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) return estimateText;
  return (text, size, weight = 400) => {
    ctx.font = `${weight} ${size}px ${EXPORT_TEXT.font}`;
    return Math.max(ctx.measureText(text).width * 1.05, 0.9 * estimateText(text, size, weight));
  };
}

export interface ChartFile {
  readonly blob: Blob;
  readonly name: string;
  /** In pixels of the file (CSS pixels for SVG). */
  readonly width: number;
  readonly height: number;
}

export async function exportChart(pieces: ChartPieces, kind: 'png' | 'svg', chart: string): Promise<ChartFile> {
  const layout = layoutExport(pieces, browserMeasure());
  const name = exportFileName(chart, kind);
  if (kind === 'svg') return { blob: new Blob([composeChartSvg(pieces, layout)], { type: 'image/svg+xml' }), name, width: layout.width, height: layout.height };
  return { ...(await composeChartPng(pieces, layout)), name };
}
