// What the pointer does over the weight-space plot: it reads out the weights
// under it, and a click (not the end of a drag) picks them as the start.
import { useEffect, useState, type RefObject } from 'react';
import { pointer, select } from 'd3-selection';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { roundToPixel } from './weightDomain.ts';

export interface WeightPoint {
  readonly w1: number;
  readonly w2: number;
}

/** The weights under the pointer, or null when it is outside the plot box. */
export function useWeightPointer(
  svgRef: RefObject<SVGSVGElement | null>,
  frameRef: RefObject<PlotFrame>,
  onPickInitialWeights: ((w1: number, w2: number) => void) | undefined,
): WeightPoint | null {
  const [hover, setHover] = useState<WeightPoint | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const inside = (event: MouseEvent): [number, number] | null => {
      const [px, py] = pointer(event, svg);
      const f = frameRef.current;
      const [x0, x1] = f.x.range();
      const [y0, y1] = f.y.range();
      if (px < x0 || px > x1 || py < y1 || py > y0) return null;
      return [f.x.invert(px), f.y.invert(py)];
    };
    const sel = select(svg);
    sel.on('click.pick', (event: MouseEvent) => {
      const w = inside(event);
      if (!w || !onPickInitialWeights) return;
      const f = frameRef.current;
      const unitsPerPixel = (f.x.domain()[1] - f.x.domain()[0]) / (f.x.range()[1] - f.x.range()[0]);
      onPickInitialWeights(roundToPixel(w[0], unitsPerPixel), roundToPixel(w[1], unitsPerPixel));
    });
    sel.on('pointermove.readout', (event: MouseEvent) => {
      const w = inside(event);
      setHover(w ? { w1: w[0], w2: w[1] } : null);
    });
    sel.on('pointerleave.readout', () => setHover(null));
    return () => {
      sel.on('click.pick', null).on('pointermove.readout', null).on('pointerleave.readout', null);
    };
  }, [svgRef, frameRef, onPickInitialWeights]);

  return hover;
}
