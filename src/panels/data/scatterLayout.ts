// What the data chart shows, in data units: which examples are drawn (and, on
// plane data, in which residual colour), the fit and best-fit lines, and the
// current mini-batch. The model's prediction comes from the core, so the
// lines and colours are those of the model the engine trains.
import { predict } from '../../core/predict.ts';
import type { Dataset } from '../../core/types.ts';
import type { ModelKind } from '../../core/settings.ts';
import { paddedExtent, residualBin, residualRange } from './scatterModel.ts';
import { subsampleCount, subsampleStride } from './subsample.ts';

/** More dots than this add nothing visible and cost drawing time every frame. */
export const MAX_DRAWN_POINTS = 20_000;

export interface Fit {
  readonly model: ModelKind;
  readonly w1: number;
  readonly w2: number;
}

/** Line data plot y against x; plane data plot x2 against x1, with y shown as the residual's colour. */
export function verticalOf(data: Dataset, plane: boolean): ArrayLike<number> {
  return plane ? data.x2 : data.y;
}

export interface DataExtents {
  readonly x: [number, number];
  readonly y: [number, number];
  /** The residual colour range (see residualRange). */
  readonly range: number;
}

export function dataExtents(data: Dataset, plane: boolean): DataExtents {
  const stride = subsampleStride(data.n, MAX_DRAWN_POINTS);
  const none = new Uint32Array(0);
  return { x: paddedExtent(data.x1, stride, none), y: paddedExtent(verticalOf(data, plane), stride, none), range: residualRange(data.y, stride) };
}

export interface ScatterShapes {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  /** Every stride-th example is drawn. */
  readonly stride: number;
  /** How many are drawn: the dots' size follows it. */
  readonly count: number;
  /** Plane data: the drawn examples grouped by residual colour bin (bin b holds indices into xs/ys); null on line data. */
  readonly bins: readonly (readonly number[])[] | null;
}

export function residualOf(data: Dataset, fit: Fit, i: number): number {
  return data.y[i] - predict(fit.model, fit.w1, fit.w2, data.x1[i], data.x2[i]);
}

export function scatterShapes(data: Dataset, plane: boolean, fit: Fit, range: number, binCount: number): ScatterShapes {
  const stride = subsampleStride(data.n, MAX_DRAWN_POINTS);
  const count = subsampleCount(data.n, MAX_DRAWN_POINTS);
  let bins: number[][] | null = null;
  if (plane) {
    bins = Array.from({ length: binCount }, () => []);
    for (let i = 0; i < data.n; i += stride) bins[residualBin(residualOf(data, fit, i), range, binCount)].push(i);
  }
  return { xs: data.x1, ys: verticalOf(data, plane), stride, count, bins };
}

export interface FitLine {
  readonly kind: 'fit' | 'best';
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The best-fit line, then the current fit drawn over it, across the x-axis; plane data have no line to draw. */
export function fitLines(plane: boolean, fit: Fit | null, best: Fit | null, xDomain: readonly [number, number]): FitLine[] {
  if (plane) return [];
  const [a, b] = xDomain;
  const line = (kind: FitLine['kind'], f: Fit): FitLine => ({ kind, x: [a, b], y: [predict(f.model, f.w1, f.w2, a, 1), predict(f.model, f.w1, f.w2, b, 1)] });
  const out: FitLine[] = [];
  if (best) out.push(line('best', best));
  if (fit) out.push(line('fit', fit));
  return out;
}

export interface BatchShapes {
  readonly plane: boolean;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Plane data: each example's residual colour bin; null on line data, where the batch takes the run's colour. */
  readonly bins: readonly number[] | null;
}

/** The examples of the current mini-batch (indices beyond the data are skipped). */
export function batchShapes(data: Dataset, plane: boolean, fit: Fit | null, batch: Uint32Array, range: number, binCount: number): BatchShapes {
  const ys = verticalOf(data, plane);
  const x: number[] = [];
  const y: number[] = [];
  const bins: number[] | null = plane && fit ? [] : null;
  for (let j = 0; j < batch.length; j++) {
    const i = batch[j];
    if (i >= data.n) continue;
    x.push(data.x1[i]);
    y.push(ys[i]);
    if (bins && fit) bins.push(residualBin(residualOf(data, fit, i), range, binCount));
  }
  return { plane, x, y, bins };
}
