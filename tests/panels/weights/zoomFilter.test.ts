import { describe, expect, it } from 'vitest';
import { zoomFilter } from '../../../src/panels/weights/useWeightZoom.ts';

describe('which events start a weight-space zoom gesture', () => {
  it('one finger is left to the page (it scrolls, or holds to pick w0); two fingers pinch', () => {
    expect(zoomFilter({ type: 'touchstart', touches: { length: 1 } })).toBe(false);
    expect(zoomFilter({ type: 'touchstart', touches: { length: 2 } })).toBe(true);
    expect(zoomFilter({ type: 'touchstart', touches: { length: 3 } })).toBe(true);
  });

  it('the mouse and the wheel work as before: left button drags, ctrl only with the wheel', () => {
    expect(zoomFilter({ type: 'mousedown', button: 0 })).toBe(true);
    expect(zoomFilter({ type: 'mousedown', button: 2 })).toBe(false);
    expect(zoomFilter({ type: 'mousedown', button: 0, ctrlKey: true })).toBe(false);
    expect(zoomFilter({ type: 'wheel', button: 0, ctrlKey: true })).toBe(true);
  });
});
