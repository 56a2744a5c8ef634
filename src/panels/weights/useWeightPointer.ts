// What the pointer does over the weight-space plot: it reads out the weights
// under it, and picks them as the start — with a mouse by a click (not the end
// of a drag), by touch only with a press and hold, so that neither a tap nor
// a swipe that scrolls the page restarts the run.
import { useEffect, useEffectEvent, useState, type RefObject } from 'react';
import { pointer, select } from 'd3-selection';
import type { PlotFrame } from '../shared/plotFrame.ts';
import { isTouchLike, usePressHold } from '../shared/usePressHold.ts';
import { roundToPixel } from './weightDomain.ts';

export interface WeightPoint {
  readonly w1: number;
  readonly w2: number;
}

type ClientPoint = { readonly clientX: number; readonly clientY: number };

/** The weights under the pointer, or null when it is outside the plot box. */
export function useWeightPointer(
  svgRef: RefObject<SVGSVGElement | null>,
  frameRef: RefObject<PlotFrame>,
  onPickInitialWeights: ((w1: number, w2: number) => void) | undefined,
): WeightPoint | null {
  const [hover, setHover] = useState<WeightPoint | null>(null);

  const inside = (at: ClientPoint): [number, number] | null => {
    const svg = svgRef.current;
    if (!svg) return null;
    const [px, py] = pointer(at, svg);
    const f = frameRef.current;
    const [x0, x1] = f.x.range();
    const [y0, y1] = f.y.range();
    if (px < x0 || px > x1 || py < y1 || py > y0) return null;
    return [f.x.invert(px), f.y.invert(py)];
  };
  const pick = (at: ClientPoint) => {
    const w = inside(at);
    if (!w || !onPickInitialWeights) return;
    const f = frameRef.current;
    const unitsPerPixel = (f.x.domain()[1] - f.x.domain()[0]) / (f.x.range()[1] - f.x.range()[0]);
    onPickInitialWeights(roundToPixel(w[0], unitsPerPixel), roundToPixel(w[1], unitsPerPixel));
  };
  const readAt = (at: ClientPoint) => {
    const w = inside(at);
    setHover(w ? { w1: w[0], w2: w[1] } : null);
  };

  usePressHold(svgRef, {
    onHold: (clientX, clientY) => {
      readAt({ clientX, clientY });
      pick({ clientX, clientY });
    },
    onHoldMove: (clientX, clientY) => readAt({ clientX, clientY }),
  });

  // The d3 handlers are bound once; these read the props and frame of the last render.
  const pickByClick = useEffectEvent((at: ClientPoint) => pick(at));
  const readByPointer = useEffectEvent((at: ClientPoint) => readAt(at));

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // Chromium and Firefox tell the click's pointer; the pointerdown before it does in every engine.
    let downType = '';
    const sel = select(svg);
    sel.on('pointerdown.pick', (event: PointerEvent) => {
      downType = event.pointerType;
    });
    sel.on('click.pick', (event: MouseEvent) => {
      const type = (event as PointerEvent).pointerType || downType;
      if (isTouchLike({ pointerType: type })) return;
      pickByClick(event);
    });
    sel.on('pointermove.readout', (event: PointerEvent) => readByPointer(event));
    sel.on('pointerleave.readout', () => setHover(null));
    return () => {
      sel.on('pointerdown.pick', null).on('click.pick', null).on('pointermove.readout', null).on('pointerleave.readout', null);
    };
  }, [svgRef]);

  return hover;
}
