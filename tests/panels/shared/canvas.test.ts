import { describe, expect, it } from 'vitest';
import { appendPlot, paintPlot } from '../../../src/panels/shared/canvas.ts';
import { makeFrame } from '../../../src/panels/shared/plotFrame.ts';

/** A canvas whose context logs the calls that set it up, clip it and put it back. */
function fakeCanvas() {
  const calls: string[] = [];
  const context = {
    setTransform: (...a: number[]) => calls.push(`setTransform ${a.join(' ')}`),
    clearRect: (...a: number[]) => calls.push(`clearRect ${a.join(' ')}`),
    save: () => calls.push('save'),
    beginPath: () => calls.push('beginPath'),
    rect: (...a: number[]) => calls.push(`rect ${a.join(' ')}`),
    clip: () => calls.push('clip'),
    restore: () => calls.push('restore'),
  };
  const canvas = { width: 0, height: 0, style: {} as Record<string, string>, getContext: () => context };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls, context };
}

describe('painting a canvas layer', () => {
  const frame = makeFrame({ top: 10, right: 14, bottom: 34, left: 50 }, 560, 290, { domain: [0, 1] }, { domain: [0, 1] });

  it('sizes the canvas, clips to the plot box grown by the pad, draws, then restores', () => {
    const { canvas, calls, context } = fakeCanvas();
    let drewOn: unknown = null;
    paintPlot(canvas, frame, (ctx) => {
      drewOn = ctx;
      calls.push('draw');
    }, 4);
    expect(drewOn).toBe(context);
    expect([canvas.width, canvas.height, canvas.style.width, canvas.style.height]).toEqual([560, 290, '560px', '290px']);
    expect(calls).toEqual(['setTransform 1 0 0 1 0 0', 'clearRect 0 0 560 290', 'save', 'beginPath', 'rect 50 6 496 254', 'clip', 'draw', 'restore']);
  });

  it('draws at any scale: an export at twice the size gets twice the pixels and the same CSS-pixel drawing', () => {
    const { canvas, calls } = fakeCanvas();
    paintPlot(canvas, frame, () => calls.push('draw'), 0, 2);
    expect([canvas.width, canvas.height, canvas.style.width]).toEqual([1120, 580, '560px']);
    expect(calls.slice(0, 2)).toEqual(['setTransform 2 0 0 2 0 0', 'clearRect 0 0 560 290']);
    expect(calls).toContain('rect 50 10 496 246');
  });

  it('restores the context even when drawing fails', () => {
    const { canvas, calls } = fakeCanvas();
    expect(() => paintPlot(canvas, frame, () => { throw new Error('boom'); })).toThrow('boom');
    expect(calls.at(-1)).toBe('restore');
  });

  it('appends without resizing or clearing what the canvas shows, clipped the same way', () => {
    const { canvas, calls } = fakeCanvas();
    paintPlot(canvas, frame, () => calls.push('draw'), 4, 2);
    calls.length = 0;
    canvas.width = 1120;
    appendPlot(canvas, frame, () => calls.push('append'), 4, 2);
    expect(canvas.width).toBe(1120);
    expect(calls).toEqual(['save', 'setTransform 2 0 0 2 0 0', 'beginPath', 'rect 50 6 496 254', 'clip', 'append', 'restore']);
  });
});
