import { describe, expect, it } from 'vitest';
import { lossExport } from '../../../src/panels/loss/lossExport.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { layoutExport, pngRatio, pngSize } from '../../../src/panels/shared/exportLayout.ts';
import { composeChartPng, type PngTarget } from '../../../src/panels/shared/exportPng.ts';
import { trainedRun } from '../runFixture.ts';
import { CanvasRecorder } from './canvasRecorder.ts';

const SCREEN = { width: 505, height: 284 };

/** A canvas whose context records paints, transforms and drawn images. */
class TargetContext extends CanvasRecorder {
  transform: number[] = [];
  readonly translations: [number, number][] = [];
  readonly images: { source: unknown; x: number; y: number; w: number; h: number }[] = [];
  setTransform(...m: number[]): void {
    this.transform = m;
  }
  translate(x: number, y: number): void {
    this.translations.push([x, y]);
  }
  fillRect(): void {}
  rect(): void {}
  clip(): void {}
  drawImage(source: unknown, x: number, y: number, w: number, h: number): void {
    this.images.push({ source, x, y, w, h });
  }
}

function fakeTarget() {
  const ctx = new TargetContext();
  const rasterized: string[] = [];
  const canvas = { width: 0, height: 0, getContext: () => ctx, toBlob: (done: (b: Blob) => void) => done(new Blob(['png'])) };
  const target: PngTarget = {
    createCanvas: () => canvas as unknown as HTMLCanvasElement,
    rasterize: async (svg) => {
      rasterized.push(svg);
      return { svg } as unknown as CanvasImageSource;
    },
  };
  return { ctx, canvas, rasterized, target };
}

function pieces() {
  const run = { ...trainedRun({ n: 60, b: 10 }, 18, 'a'), name: 'b=10', color: '#0072B2' };
  return { run, pieces: lossExport({ runs: [run], options: { xAxis: 'steps', yScale: 'linear', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) }, screen: SCREEN }) };
}

describe('the PNG composition', () => {
  it('is at least twice the on-screen chart, and the series are repainted at that scale, not copied', async () => {
    const { run, pieces: p } = pieces();
    const layout = layoutExport(p);
    const { ctx, canvas, rasterized, target } = fakeTarget();
    const png = await composeChartPng(p, layout, target);
    const ratio = pngRatio(layout, SCREEN);
    expect(ratio).toBeGreaterThanOrEqual(2);
    expect([png.width, png.height]).toEqual([Math.ceil(layout.width * ratio), Math.ceil(layout.height * ratio)]);
    expect([canvas.width, canvas.height]).toEqual([png.width, png.height]);
    expect(png.width).toBeGreaterThanOrEqual(2 * SCREEN.width);
    expect(png.height).toBeGreaterThan(2 * SCREEN.height);
    expect(ctx.transform).toEqual([ratio, 0, 0, ratio, 0, 0]);
    // The full-loss curve is stroked afresh through the run's own points, in frame pixels under the layer's translation.
    expect(ctx.translations).toEqual([[...layout.origin]]);
    const full = ctx.paints.find((q) => q.op === 'stroke' && q.strokeStyle === run.color && q.lineWidth === LOSS_STYLE.full.raw.width)!;
    const last = run.lossSeries.length - 1;
    expect(full.path[full.path.length - 1]).toMatchObject({ x: layout.frame.fastX(run.lossSeries.step[last]), y: layout.frame.fastY(run.lossSeries.loss[last]) });
    // The chrome (title, axes, legend) is one vector image rasterised at the PNG's own scale, over the whole picture.
    const chrome = rasterized[rasterized.length - 1];
    expect(chrome).toContain(`width="${Math.round(layout.width * ratio * 100) / 100}"`);
    expect(chrome).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
    expect(chrome).toContain('>b=10</text>');
    expect(ctx.images[ctx.images.length - 1]).toMatchObject({ x: 0, y: 0, w: layout.width, h: layout.height });
  });

  it('grows the ratio past 2 when the composed chart is narrower than the screen', () => {
    expect(pngRatio({ width: 600 }, { width: 505 })).toBe(2);
    expect(pngRatio({ width: 400 }, { width: 505 })).toBeCloseTo(2.525, 9);
    expect(pngSize({ width: 400, height: 300 }, { width: 505 }).width).toBeGreaterThanOrEqual(1010);
  });
});
