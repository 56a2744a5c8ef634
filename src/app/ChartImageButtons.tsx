// PNG and SVG of one chart, from the figure drawn inside the card; the image
// code is loaded on the first save, as the page draws without it.
import { useState, type RefObject } from 'react';
import { loadPart } from '../panels/shared/lazyPart.ts';

export interface ChartImageButtonsProps {
  /** The card holding the chart's <figure>. */
  card: RefObject<HTMLElement | null>;
  /** Names the files and the buttons, e.g. "loss". */
  chart: string;
}

export function ChartImageButtons({ card, chart }: ChartImageButtonsProps) {
  const [said, setSaid] = useState('');
  const figure = () => card.current?.querySelector<HTMLElement>('figure') ?? null;
  const save = async (kind: 'png' | 'svg') => {
    const panel = figure();
    if (!panel) return;
    try {
      const { chartToPng, chartToSvg, downloadBlob, exportFileName } = await loadPart('the image export code', () => import('../panels/shared/exportImage.ts'));
      const blob = kind === 'png' ? await chartToPng(panel) : new Blob([chartToSvg(panel)], { type: 'image/svg+xml' });
      downloadBlob(blob, exportFileName(chart, kind));
      setSaid(`Saved ${exportFileName(chart, kind)}`);
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
      <span role="status" className="visually-hidden">
        {said}
      </span>
    </div>
  );
}
