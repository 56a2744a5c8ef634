import { describe, expect, it } from 'vitest';
import { minZoomSpan, rowsIn, xWindowOf, LOG_START_GAP } from '../../../src/panels/loss/xWindow.ts';
import { zoomAfterKey, zoomFromDrag, zoomKeyAction, MIN_DRAG_PIXELS } from '../../../src/panels/loss/xZoom.ts';

const plan = { stepsPerEpoch: 10, examplesPerEpoch: 100, batchSize: 10, stepsPerBatch: 1 };
// A 500-pixel plot over [0, 200]: pixel = 2.5 x.
const invert = (px: number) => px / 2.5;

describe('the x-window', () => {
  it('is the whole run, or the zoom inside it; a log axis starts below the first step', () => {
    expect(xWindowOf(200, 1, null, false)).toMatchObject({ domain: [0, 200], zoomed: false });
    expect(xWindowOf(200, 1, [20, 60], false)).toMatchObject({ domain: [20, 60], zoomed: true });
    const log = xWindowOf(200, 1, null, true);
    expect(log.domain).toEqual([1 / LOG_START_GAP, 200]);
    expect(log.firstStep).toBe(1);
    // A zoom from 0 on a log axis starts where the axis does.
    expect(xWindowOf(200, 1, [0, 60], true).domain).toEqual([1 / LOG_START_GAP, 60]);
  });

  it('finds the rows inside, and one more on each side so the line reaches the edges', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6];
    expect(rowsIn(xs, 7, [2, 4])).toEqual({ inside: [2, 5], drawn: [1, 6] });
    expect(rowsIn(xs, 7, [2.5, 2.7])).toEqual({ inside: [3, 3], drawn: [2, 4] });
    expect(rowsIn(xs, 7, [-5, 50])).toEqual({ inside: [0, 7], drawn: [0, 7] });
  });

  it('never zooms to fewer than a few steps, in the x-axis units', () => {
    expect(minZoomSpan(plan, 'steps')).toBe(4);
    expect(minZoomSpan(plan, 'epochs')).toBeCloseTo(0.4, 12);
    expect(minZoomSpan(plan, 'examples')).toBe(40);
  });
});

describe('zoom gestures', () => {
  const window = xWindowOf(200, 1, null, false);

  it('turns a drag into the range under it, and a click into nothing', () => {
    expect(zoomFromDrag(window, invert, 100, 250, 4)).toEqual([40, 100]);
    expect(zoomFromDrag(window, invert, 250, 100, 4)).toEqual([40, 100]);
    expect(zoomFromDrag(window, invert, 100, 100 + MIN_DRAG_PIXELS - 1, 4)).toBeUndefined();
    // A drag narrower than the smallest zoom widens to it about its centre.
    expect(zoomFromDrag(window, invert, 100, 110, 10)).toEqual([37, 47]);
    // The ends are rounded to a thousandth of the span's power of ten, so the link stays short.
    expect(zoomFromDrag(window, (px) => px / 2.5 + 1e-9, 22.68, 125, 4)).toEqual([9.07, 50]);
    // Dragging over the whole run is no zoom.
    expect(zoomFromDrag(window, invert, 0, 500, 4)).toBeNull();
  });

  it('zooms with + and −, pans with [ and ], resets with 0, and leaves the arrow keys to reading', () => {
    const zoomed = xWindowOf(200, 1, [40, 80], false);
    expect(zoomAfterKey(zoomed, zoomKeyAction('+')!, 4)).toEqual([50, 70]);
    expect(zoomAfterKey(zoomed, zoomKeyAction('-')!, 4)).toEqual([20, 100]);
    expect(zoomAfterKey(zoomed, zoomKeyAction(']')!, 4)).toEqual([50, 90]);
    expect(zoomAfterKey(zoomed, zoomKeyAction('[')!, 4)).toEqual([30, 70]);
    expect(zoomAfterKey(zoomed, zoomKeyAction('0')!, 4)).toBeNull();
    // Panning stops at the run's ends without shrinking; zooming out past the run is the whole run.
    expect(zoomAfterKey(xWindowOf(200, 1, [0, 40], false), zoomKeyAction('[')!, 4)).toEqual([0, 40]);
    expect(zoomAfterKey(xWindowOf(200, 1, [20, 180], false), zoomKeyAction('-')!, 4)).toBeNull();
    for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Escape', 'a']) expect(zoomKeyAction(key)).toBeUndefined();
  });

  it('zooms a log axis about its centre as the eye sees it', () => {
    const log = xWindowOf(10_000, 1, [10, 1000], true);
    const [a, b] = zoomAfterKey(log, zoomKeyAction('+')!, 4)!;
    expect(a).toBeCloseTo(Math.pow(10, 1.5), 1);
    expect(b).toBeCloseTo(Math.pow(10, 2.5), 1);
  });
});
