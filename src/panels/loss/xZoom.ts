// Zooming the loss chart's x-axis, as pure arithmetic on the window: a drag
// over the plot, the keyboard's + and − (zoom about the centre) and [ and ]
// (pan), 0 to reset. Every result is a range for the link, or null for the
// whole run. On a log axis zooming and panning act on log x, as the eye sees it.
import type { XZoom } from '../../url/view.ts';
import { fromAxisUnits, toAxisUnits, type XWindow } from './xWindow.ts';

/** A drag narrower than this many pixels is a click (it reads a value), not a zoom. */
export const MIN_DRAG_PIXELS = 6;
/** One + or − press zooms by this factor; one [ or ] pans by this share of the window. */
export const KEY_ZOOM_FACTOR = 2;
export const KEY_PAN_SHARE = 0.25;

export type ZoomKeyAction = { readonly zoom: number } | { readonly pan: number } | 'reset';

/** What a key does to the zoom; undefined when the key is not a zoom key (the arrows read values). */
export function zoomKeyAction(key: string): ZoomKeyAction | undefined {
  if (key === '+' || key === '=') return { zoom: 1 / KEY_ZOOM_FACTOR };
  if (key === '-' || key === '−' || key === '_') return { zoom: KEY_ZOOM_FACTOR };
  if (key === '[') return { pan: -KEY_PAN_SHARE };
  if (key === ']') return { pan: KEY_PAN_SHARE };
  if (key === '0') return 'reset';
  return undefined;
}

/** Rounds a zoom's ends to a thousandth of a power of ten near its span: a short link, and no visible shift. */
function rounded(lo: number, hi: number): XZoom {
  const grain = Math.pow(10, Math.floor(Math.log10(hi - lo)) - 3);
  const round = (v: number) => Number((Math.round(v / grain) * grain).toPrecision(12));
  return [round(lo), round(hi)];
}

/** The range [a, b] (axis units) kept inside the whole run and at least minSpan wide in data units; null when it is the whole run. */
function settle(window: Pick<XWindow, 'full' | 'log'>, a: number, b: number, minSpan: number): XZoom | null {
  const [f0, f1] = [toAxisUnits(window, window.full[0]), toAxisUnits(window, window.full[1])];
  if (b - a >= f1 - f0) return null;
  // Shift back inside the run rather than shrink, so panning keeps the width.
  if (a < f0) [a, b] = [f0, f0 + (b - a)];
  if (b > f1) [a, b] = [f1 - (b - a), f1];
  let lo = fromAxisUnits(window, a);
  let hi = fromAxisUnits(window, b);
  if (hi - lo < minSpan) {
    const centre = (lo + hi) / 2;
    lo = Math.max(window.full[0], centre - minSpan / 2);
    hi = lo + minSpan;
  }
  if (hi - lo >= window.full[1] - window.full[0]) return null;
  const [from, to] = rounded(lo, hi);
  return to > from ? [from, to] : [lo, hi];
}

/** The zoom a drag from pixel px0 to px1 asks for, `invert` mapping a pixel to x; undefined when the drag was a click. */
export function zoomFromDrag(window: Pick<XWindow, 'full' | 'log'>, invert: (px: number) => number, px0: number, px1: number, minSpan: number): XZoom | null | undefined {
  if (Math.abs(px1 - px0) < MIN_DRAG_PIXELS) return undefined;
  const [a, b] = [invert(Math.min(px0, px1)), invert(Math.max(px0, px1))].map((x) => toAxisUnits(window, Math.max(x, window.full[0])));
  return settle(window, a, b, minSpan);
}

/** The zoom after a key's action on the window shown. */
export function zoomAfterKey(window: Pick<XWindow, 'domain' | 'full' | 'log'>, action: ZoomKeyAction, minSpan: number): XZoom | null {
  if (action === 'reset') return null;
  const a = toAxisUnits(window, window.domain[0]);
  const b = toAxisUnits(window, window.domain[1]);
  if ('zoom' in action) {
    const centre = (a + b) / 2;
    const half = ((b - a) / 2) * action.zoom;
    return settle(window, centre - half, centre + half, minSpan);
  }
  const shift = (b - a) * action.pan;
  return settle(window, a + shift, b + shift, minSpan);
}
