// The one coordinate frame every chart draws in: the panel's size, the plot
// box inside its margin, d3 scales (axes, hover, inverting pointer positions)
// and the same mappings as plain numbers for drawing loops over tens of
// thousands of rows, where calling a d3 scale per row dominates.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { toPixel, type PixelMapping } from './pixelLine.ts';

export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export type PlotScale = ScaleContinuousNumeric<number, number>;

/** One axis of a frame, in data units. */
export interface AxisDomain {
  readonly domain: readonly [number, number];
  /** A log axis (the domain must then be positive). */
  readonly log?: boolean;
  /**
   * The plain-number mapping pins values beyond the domain onto its edge, so a
   * value off the axis is drawn on the axis rather than far outside the canvas.
   */
  readonly clamp?: boolean;
  /**
   * Instead of pinning onto the edge, pin this many pixels beyond it: a clipped
   * canvas then cuts a curve off where it leaves the plot, and nothing off the
   * axis is drawn as a flat line along it (overrides clamp).
   */
  readonly overshoot?: number;
  /** Values below this are drawn at it: where a log axis draws 0, which it has no place for. */
  readonly floor?: number;
}

export interface PlotFrame {
  /** The whole panel (canvas and SVG layers) in CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly margin: Margin;
  /** Data → pixel; the ranges are the plot box: x left to right, y bottom to top. */
  readonly x: PlotScale;
  readonly y: PlotScale;
  /** The mappings of x and y as numbers, for drawing loops that must not call back per row. */
  readonly xPixels: PixelMapping;
  readonly yPixels: PixelMapping;
  /** xPixels and yPixels as functions; NaN stays NaN (a gap). */
  readonly fastX: (v: number) => number;
  readonly fastY: (v: number) => number;
}

/** Width and height of the plot box inside the margin (at least 1 px each). */
export function plotSize(margin: Margin, width: number, height: number): [number, number] {
  return [Math.max(1, width - margin.left - margin.right), Math.max(1, height - margin.top - margin.bottom)];
}

function pixelMapping(axis: AxisDomain, range: readonly [number, number]): PixelMapping {
  const [lo, hi] = axis.domain;
  const log = axis.log === true;
  const t0 = log ? Math.log(lo) : lo;
  const t1 = log ? Math.log(hi) : hi;
  const clamp = axis.clamp === true;
  const scale = (range[1] - range[0]) / (t1 - t0 || 1);
  let bounds: [number, number] = clamp ? [lo, hi] : [-Infinity, Infinity];
  if (axis.overshoot !== undefined) {
    const extra = axis.overshoot / Math.abs(scale);
    bounds = log ? [Math.exp(t0 - extra), Math.exp(t1 + extra)] : [t0 - extra, t1 + extra];
  }
  if (axis.floor !== undefined) bounds = [Math.max(bounds[0], axis.floor), bounds[1]];
  return { origin: range[0], scale, base: t0, lo: bounds[0], hi: bounds[1], log };
}

function scaleOf(axis: AxisDomain, range: readonly [number, number]): PlotScale {
  const domain = [axis.domain[0], axis.domain[1]];
  return axis.log ? scaleLog().domain(domain).range(range) : scaleLinear().domain(domain).range(range);
}

/** The frame of a `width` × `height` panel whose plot box sits inside `margin`. */
export function makeFrame(margin: Margin, width: number, height: number, xAxis: AxisDomain, yAxis: AxisDomain): PlotFrame {
  // Never narrower than one pixel, so a panel squeezed to nothing still has invertible scales.
  const xRange: [number, number] = [margin.left, Math.max(margin.left + 1, width - margin.right)];
  const yRange: [number, number] = [Math.max(margin.top + 1, height - margin.bottom), margin.top];
  const xPixels = pixelMapping(xAxis, xRange);
  const yPixels = pixelMapping(yAxis, yRange);
  return {
    width,
    height,
    margin,
    x: scaleOf(xAxis, xRange),
    y: scaleOf(yAxis, yRange),
    xPixels,
    yPixels,
    fastX: (v) => toPixel(xPixels, v),
    fastY: (v) => toPixel(yPixels, v),
  };
}

/**
 * Everything about a frame that decides where a value is drawn: its size, plot
 * box, domains and the mappings' clamps. Two frames with the same key place
 * every value on the same pixel, so what was drawn in one can be appended to
 * in the other.
 */
export function frameKey(frame: PlotFrame): string {
  const m = (p: PixelMapping) => [p.origin, p.scale, p.base, p.lo, p.hi, p.log].join(',');
  return [frame.width, frame.height, m(frame.xPixels), m(frame.yPixels)].join('|');
}

/**
 * Slope and offset of an unclamped linear mapping (pixel = a · v + b), for hot
 * loops that keep the arithmetic inline.
 */
export function affineOf(m: PixelMapping): [number, number] {
  return [m.scale, m.origin - m.scale * m.base];
}

/**
 * The one signature of a chart's draw*.ts functions. The target is already
 * sized and scaled (a canvas context in CSS pixels, or an SVG), so the same
 * function draws on screen, into a 2× export, or into a test's recorder.
 * `from` appends from that row of the shapes on, leaving what is drawn.
 */
export type DrawFn<Target, Shapes, Style> = (target: Target, frame: PlotFrame, shapes: Shapes, style: Style, from?: number) => void;
