// The marks a reader looks for by name (start, now, numbered epoch ends, best
// fit, valley, saddle), in weight units, as plain data for drawMarks.
import type { RunView } from '../../store/runTypes.ts';
import { valleyCurves, type Polyline } from './valley.ts';
import type { WeightDomain } from './weightDomain.ts';
import type { RunPath } from './weightScene.ts';

export type WeightPair = readonly [number, number];

export interface RunEnds {
  readonly id: string;
  readonly color: string;
  readonly start: WeightPair;
  /** Where the path ends (the start, before the first step). */
  readonly now: WeightPair;
  /** Only the primary run's start is named. */
  readonly label: string;
  /** A run that has not stepped has no "now" mark. */
  readonly started: boolean;
}

/** The primary run's epoch ends, rows 0 … length-1 of its epoch records. */
export interface EpochEnds {
  readonly color: string;
  readonly length: number;
  readonly epoch: ArrayLike<number>;
  readonly w1: ArrayLike<number>;
  readonly w2: ArrayLike<number>;
}

export interface MarkShapes {
  /** Deep model: the curves of equally good minima w1·w2 = p*. */
  readonly valley: readonly Polyline[];
  /** Deep model: the saddle at the origin. */
  readonly saddles: readonly WeightPair[];
  readonly optimum: readonly { readonly w: WeightPair; readonly label: string }[];
  readonly runs: readonly RunEnds[];
  readonly epochEnds: EpochEnds | null;
}

export interface MarkInput {
  readonly paths: readonly RunPath[];
  readonly primary: RunView | undefined;
  readonly optimum: WeightPair | null;
  /** The deep model's best-fit product w1·w2, or null for the linear model. */
  readonly product: number | null;
  /** The region shown, which the valley curves must cross. */
  readonly view: WeightDomain;
}

export function markShapes({ paths, primary, optimum, product, view }: MarkInput): MarkShapes {
  const runs = paths.map(({ run, trajectory: t }): RunEnds => {
    const now: WeightPair = t.length > 0 ? [t.w1[t.length - 1], t.w2[t.length - 1]] : [t.start[0], t.start[1]];
    return { id: run.id, color: run.color, start: t.start, now, label: run === primary ? 'start' : '', started: run.cursor.step > 0 };
  });
  const epochEnds: EpochEnds | null = primary
    ? { color: primary.color, length: primary.epochs.length, epoch: primary.epochs.epoch, w1: primary.epochs.w1, w2: primary.epochs.w2 }
    : null;
  return {
    valley: product === null ? [] : valleyCurves(product, view),
    saddles: product === null ? [] : [[0, 0]],
    optimum: optimum ? [{ w: optimum, label: product === null ? 'w* best fit' : 'w* (one of many)' }] : [],
    runs,
    epochEnds,
  };
}
