// PNG and SVG of one chart, composed for a slide: the chart's own pieces
// (from its panel's exporter) laid out with title, axes and legend by the
// export composer, which is loaded only when a button is pressed.
import { useState, type RefObject } from 'react';
import { downloadBlob } from '../panels/shared/exportImage.ts';
import type { ChartExporter } from '../panels/shared/exportTypes.ts';
import { OBJECT_URL_LIFETIME_MS } from '../ui/ExportMenu.tsx';
import { loadPart } from '../panels/shared/lazyPart.ts';

export interface ChartImageButtonsProps {
  /** Set by the chart's panel (its exportRef). */
  exporter: RefObject<ChartExporter | null>;
  /** Names the files and the buttons, e.g. "loss". */
  chart: string;
}

export function ChartImageButtons({ exporter, chart }: ChartImageButtonsProps) {
  const [said, setSaid] = useState('');
  const save = async (kind: 'png' | 'svg') => {
    const pieces = exporter.current;
    if (!pieces) return;
    try {
      // The chart's pieces are taken at the click; the composer's code arrives meanwhile.
      const [chartPieces, { exportChart }] = await Promise.all([pieces(), loadPart('the image export code', () => import('../panels/shared/exportCompose.ts'))]);
      const file = await exportChart(chartPieces, kind, chart);
      downloadBlob(file.blob, file.name, OBJECT_URL_LIFETIME_MS);
      setSaid(`Saved ${file.name} (${file.width}×${file.height}${kind === 'svg' ? ', vector' : ' px'})`);
    } catch (error) {
      setSaid(`Could not save the image: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="chart-image-buttons" role="group" aria-label={`Save the ${chart} chart`}>
      <button type="button" className="small" data-testid={`png-${chart}`} aria-label={`Save the ${chart} chart as PNG`} onClick={() => save('png')}>
        PNG
      </button>
      <button type="button" className="small" data-testid={`svg-${chart}`} aria-label={`Save the ${chart} chart as SVG`} onClick={() => save('svg')}>
        SVG
      </button>
      <span role="status" className="visually-hidden" data-testid={`image-said-${chart}`}>
        {said}
      </span>
    </div>
  );
}
