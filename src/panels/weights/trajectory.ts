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
  /** The current state as a one-row PathRows, so the merge loop only ever loads values from typed arrays. */
  readonly current = { length: 1, step: new Float64Array(1), w1: new Float64Array(1), w2: new Float64Array(1) };
  /** The merge's running last step and open epoch (see buildTrajectory). */
  readonly state = new Float64Array(2);

  /** Makes room for `capacity` points, growing by half again so a growing run rarely reallocates. */
  reserve(capacity: number): void {
    if (this.w1.length >= capacity) return;
    const size = Math.max(capacity, Math.ceil(this.w1.length * 1.5), 64);
    this.w1 = new Float64Array(size);
    this.w2 = new Float64Array(size);
  }
}

const LAST_STEP = 0;
const PIECE_EPOCH = 1;

/** The 1-based epoch a step belongs to (the epoch-end step belongs to the epoch it ends). */
export function epochOfStep(step: number, stepsPerEpoch: number): number {
  return Math.max(1, Math.ceil(step / Math.max(1, stepsPerEpoch)));
}

export function buildTrajectory(input: TrajectoryInput, buffers = new TrajectoryBuffers()): Trajectory {
  const { steps, epochEnds, stepsPerEpoch, restart, start, current } = input;
  // Every row adds at most two points: itself and, when it opens an epoch, the previous epoch's last point.
  buffers.reserve(2 * (steps.length + epochEnds.length + 1));
  const { w1: out1, w2: out2, current: tail, state } = buffers;
  if (current) {
    tail.step[0] = current.step;
    tail.w1[0] = current.w1;
    tail.w2[0] = current.w2;
  }
  const pieces: EpochPiece[] = [];
  const jumps: Jump[] = [];
  let n = 0;
  let pieceStart = 0;
  // Every double the loop carries from one row to the next lives in a typed array (state, out1/out2):
  // V8's faster tiers box a double held in a variable across iterations, a heap number per row.
  state[LAST_STEP] = 0;
  state[PIECE_EPOCH] = 0;

  // Merge the two step-sorted row sets, then the current state.
  let i = 0;
  let j = 0;
  const total = steps.length + epochEnds.length + (current ? 1 : 0);
  for (let k = 0; k < total; k++) {
    // Pick the row's columns and index, then load each value once.
    let from: PathRows;
    let row: number;
    if (i >= steps.length && j >= epochEnds.length) {
      from = tail;
      row = 0;
    } else if (j < epochEnds.length && (i >= steps.length || epochEnds.step[j] <= steps.step[i])) {
      from = epochEnds;
      row = j++;
    } else {
      from = steps;
      row = i++;
    }
    const step = from.step[row];
    if (!(step > state[LAST_STEP])) continue; // duplicate of an epoch-end row already added
    state[LAST_STEP] = step;
    const epoch = epochOfStep(step, stepsPerEpoch);
    if (epoch !== state[PIECE_EPOCH]) {
      if (n > 0) pieces.push({ epoch: state[PIECE_EPOCH], start: pieceStart, end: n });
      state[PIECE_EPOCH] = epoch;
      pieceStart = n;
      const last1 = n > 0 ? out1[n - 1] : start[0];
      const last2 = n > 0 ? out2[n - 1] : start[1];
      if (restart && epoch > 1) jumps.push({ epoch, from: [last1, last2], to: [from.w1[row], from.w2[row]] });
      else {
        out1[n] = last1;
        out2[n] = last2;
        n++;
      }
    }
    out1[n] = from.w1[row];
    out2[n] = from.w2[row];
    n++;
  }
  if (n > 0) pieces.push({ epoch: state[PIECE_EPOCH], start: pieceStart, end: n });
  return { start, length: n, w1: out1.subarray(0, n), w2: out2.subarray(0, n), pieces, jumps };
}
