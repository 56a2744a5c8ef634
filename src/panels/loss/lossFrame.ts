// The loss chart's coordinate frame: d3 scales for axes and hover, and the
// same mappings as plain arithmetic for the per-row drawing loops.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import type { YScaleMode } from './lossDomain.ts';
import { toPixel, type PixelMapping } from '../shared/pixelLine.ts';

export const MARGIN = { top: 10, right: 14, bottom: 34, left: 50 };
export type YScale = ScaleContinuousNumeric<number, number>;

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly x: ReturnType<typeof scaleLinear<number, number>>;
  readonly y: YScale;
  /** The same mappings as plain arithmetic, for loops over tens of thousands of rows where calling a d3 scale per row dominates. */
  readonly fastX: (v: number) => number;
  /** Value → pixel with the value clamped onto the axis first; NaN stays NaN (a gap). */
  readonly fastY: (v: number) => number;
  /** The mappings of fastX and fastY as numbers, for drawing loops that must not call back per row. */
  readonly xPixels: PixelMapping;
  readonly yPixels: PixelMapping;
}

export function makeFrame(layout: { readonly xDomain: [number, number]; readonly yDomain: [number, number] }, width: number, height: number, mode: YScaleMode): Frame {
  const xRange: [number, number] = [MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)];
  const x = scaleLinear().domain(layout.xDomain).range(xRange);
  const yRange: [number, number] = [Math.max(MARGIN.top + 1, height - MARGIN.bottom), MARGIN.top];
  const y: YScale = mode === 'log' ? scaleLog().domain(layout.yDomain).range(yRange) : scaleLinear().domain(layout.yDomain).range(yRange);
  const [d0, d1] = layout.xDomain;
  const xPixels: PixelMapping = { origin: xRange[0], scale: (xRange[1] - xRange[0]) / (d1 - d0 || 1), base: d0, lo: -Infinity, hi: Infinity, log: false };
  const [lo, hi] = layout.yDomain;
  const log = mode === 'log';
  const t0 = log ? Math.log(lo) : lo;
  const t1 = log ? Math.log(hi) : hi;
  const yPixels: PixelMapping = { origin: yRange[0], scale: (yRange[1] - yRange[0]) / (t1 - t0 || 1), base: t0, lo, hi, log };
  const fastX = (v: number): number => toPixel(xPixels, v);
  const fastY = (v: number): number => toPixel(yPixels, v);
  return { width, height, x, y, fastX, fastY, xPixels, yPixels };
}
