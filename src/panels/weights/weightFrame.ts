// The pixel box of the weight-space plot and its weight-to-pixel scales, shared
// by the contour, path and mark layers and by the zoom.
import { scaleLinear } from 'd3-scale';
import type { WeightDomain } from './weightDomain.ts';

// The top margin holds the zoom toolbar, so it never covers a mark.
const MARGIN = { top: 26, right: 8, bottom: 30, left: 40 };

type Scale = ReturnType<typeof scaleLinear<number, number>>;

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly x: Scale;
  readonly y: Scale;
}

export function makeFrame(view: WeightDomain, width: number, height: number): Frame {
  const x = scaleLinear().domain(view.w1).range([MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)]);
  const y = scaleLinear().domain(view.w2).range([Math.max(MARGIN.top + 1, height - MARGIN.bottom), MARGIN.top]);
  return { width, height, x, y };
}

/** Slope and offset of a linear scale, for hot loops where calling the scale per point is the bottleneck. */
export function affineOf(scale: Scale): [number, number] {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  const a = d1 !== d0 ? (r1 - r0) / (d1 - d0) : 0;
  return [a, r0 - a * d0];
}

export function plotSize(width: number, height: number): [number, number] {
  return [Math.max(1, width - MARGIN.left - MARGIN.right), Math.max(1, height - MARGIN.top - MARGIN.bottom)];
}
