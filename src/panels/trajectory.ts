// A run's path through weight space, cut into one piece per epoch. Epoch e+1
// starts exactly where epoch e ended — the piece for e+1 begins with e's last
// point — unless the run restarts from new random weights each epoch, in which
// case the jump between the two is returned separately so it can be drawn as
// the discontinuity it is.
//
// The path is rebuilt on every frame of a running run from up to 16,384 rows,
// so its points go into flat Float64Arrays that a caller can keep and hand
// back (TrajectoryBuffers): building it then allocates a few small objects
// per epoch instead of growing JS arrays of every point.

/** The columns of a step series the path needs (rows sorted by step). */
export interface PathRows {
  readonly length: number;
  readonly step: ArrayLike<number>;
  readonly w1: ArrayLike<number>;
  readonly w2: ArrayLike<number>;
}

/** One epoch's points: trajectory.w1/w2[start … end-1]. */
export interface EpochPiece {
  /** 1-based epoch. */
  readonly epoch: number;
  readonly start: number;
  /** Exclusive; at least start + 1. */
  readonly end: number;
}

export interface Jump {
  /** The epoch that starts with this jump. */
  readonly epoch: number;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
}

export interface Trajectory {
  readonly start: readonly [number, number];
  /** Number of points over all pieces. */
  readonly length: number;
  /** The points of every piece, one piece after another (views of length `length`). */
  readonly w1: Float64Array;
  readonly w2: Float64Array;
  readonly pieces: EpochPiece[];
  readonly jumps: Jump[];
}

export interface TrajectoryInput {
  readonly start: readonly [number, number];
  /** Per-step rows, possibly thinned. */
  readonly steps: PathRows;
  /** Exact rows at epoch ends, so the path passes through them even when thinned. */
  readonly epochEnds: PathRows;
  readonly stepsPerEpoch: number;
  /** Each epoch after the first starts from fresh random weights. */
  readonly restart: boolean;
  /** The newest state, which may be ahead of the stored rows; the path ends there. */
  readonly current?: { readonly step: number; readonly w1: number; readonly w2: number };
}

/**
 * Point storage reused from one build to the next. A trajectory built into
 * it stays valid only until the next build into the same buffers.
 */
export class TrajectoryBuffers {
  w1 = new Float64Array(0);
  w2 = new Float64Array(0);

  /** Makes room for `capacity` points, growing by half again so a growing run rarely reallocates. */
  reserve(capacity: number): void {
    if (this.w1.length >= capacity) return;
    const size = Math.max(capacity, Math.ceil(this.w1.length * 1.5), 64);
    this.w1 = new Float64Array(size);
    this.w2 = new Float64Array(size);
  }
}

/** The 1-based epoch a step belongs to (the epoch-end step belongs to the epoch it ends). */
export function epochOfStep(step: number, stepsPerEpoch: number): number {
  return Math.max(1, Math.ceil(step / Math.max(1, stepsPerEpoch)));
}

export function buildTrajectory(input: TrajectoryInput, buffers = new TrajectoryBuffers()): Trajectory {
  const { steps, epochEnds, stepsPerEpoch, restart, start, current } = input;
  // Every row adds at most two points: itself and, when it opens an epoch, the previous epoch's last point.
  buffers.reserve(2 * (steps.length + epochEnds.length + 1));
  const { w1: out1, w2: out2 } = buffers;
  const pieces: EpochPiece[] = [];
  const jumps: Jump[] = [];
  let n = 0;
  let pieceEpoch = 0;
  let pieceStart = 0;
  let lastStep = 0;
  let last1 = start[0];
  let last2 = start[1];

  // Merge the two step-sorted row sets, then the current state.
  let i = 0;
  let j = 0;
  const total = steps.length + epochEnds.length + (current ? 1 : 0);
  for (let k = 0; k < total; k++) {
    let step: number, w1: number, w2: number;
    if (i >= steps.length && j >= epochEnds.length) {
      ({ step, w1, w2 } = current!);
    } else if (j < epochEnds.length && (i >= steps.length || epochEnds.step[j] <= steps.step[i])) {
      step = epochEnds.step[j];
      w1 = epochEnds.w1[j];
      w2 = epochEnds.w2[j];
      j++;
    } else {
      step = steps.step[i];
      w1 = steps.w1[i];
      w2 = steps.w2[i];
      i++;
    }
    if (!(step > lastStep)) continue; // duplicate of an epoch-end row already added
    const epoch = epochOfStep(step, stepsPerEpoch);
    if (epoch !== pieceEpoch) {
      if (pieceEpoch !== 0) pieces.push({ epoch: pieceEpoch, start: pieceStart, end: n });
      pieceEpoch = epoch;
      pieceStart = n;
      if (restart && epoch > 1) jumps.push({ epoch, from: [last1, last2], to: [w1, w2] });
      else {
        out1[n] = last1;
        out2[n] = last2;
        n++;
      }
    }
    out1[n] = w1;
    out2[n] = w2;
    n++;
    lastStep = step;
    last1 = w1;
    last2 = w2;
  }
  if (pieceEpoch !== 0) pieces.push({ epoch: pieceEpoch, start: pieceStart, end: n });
  return { start, length: n, w1: out1.subarray(0, n), w2: out2.subarray(0, n), pieces, jumps };
}
