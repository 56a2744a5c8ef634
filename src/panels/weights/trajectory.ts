// A run's path through weight space, cut into one piece per epoch. Epoch e+1
// starts exactly where epoch e ended — the piece for e+1 begins with e's last
// point — unless the run restarts from new random weights each epoch, in which
// case the jump between the two is returned separately so it can be drawn as
// the discontinuity it is.
//
// The path is rebuilt on every frame of a running run, so its points go into
// flat Float64Arrays that a caller can keep and hand back (TrajectoryBuffers):
// building it then allocates nothing per point. The buffers also keep where
// the build stood after the step rows that cannot change any more (a series'
// stable rows, within one revision): the next build into them resumes there,
// so a frame costs the rows that are new, not every row of the run.

/** The columns of a step series the path needs (rows sorted by step). */
export interface PathRows {
  readonly length: number;
  readonly step: ArrayLike<number>;
  readonly w1: ArrayLike<number>;
  readonly w2: ArrayLike<number>;
}

/** Step rows as the store holds them (SeriesView): rows before `stable` do not change until `revision` does. */
export interface StableRows extends PathRows {
  readonly revision: number;
  readonly stable: number;
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
  readonly pieces: readonly EpochPiece[];
  readonly jumps: readonly Jump[];
}

export interface TrajectoryInput {
  readonly start: readonly [number, number];
  /** Per-step rows, possibly thinned; with a revision and stable rows, a build resumes after the stable ones. */
  readonly steps: PathRows | StableRows;
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
  /** The pieces and jumps of the last build, kept to resume from (the trajectory built last hands out these very lists). */
  pieces: EpochPiece[] = [];
  jumps: Jump[] = [];
  /** Where the last build stood after its stable step rows, and what it was built from; null: start over. */
  resume: Resume | null = null;

  /** Makes room for `capacity` points, keeping the first `keep`, growing by half again so a growing run rarely reallocates. */
  reserve(capacity: number, keep = 0): void {
    if (this.w1.length >= capacity) return;
    const size = Math.max(capacity, Math.ceil(this.w1.length * 1.5), 64);
    const w1 = new Float64Array(size);
    const w2 = new Float64Array(size);
    w1.set(this.w1.subarray(0, keep));
    w2.set(this.w2.subarray(0, keep));
    this.w1 = w1;
    this.w2 = w2;
  }
}

const LAST_STEP = 0;
const PIECE_EPOCH = 1;

/**
 * Where a build stood after the stable step rows: what it was built from (keyOf) and, at that point, the step
 * and epoch-end rows consumed, points written, where the open piece began, its last step and epoch, and the
 * pieces and jumps closed.
 */
interface Resume {
  readonly key: string;
  readonly at: readonly [i: number, j: number, n: number, pieceStart: number, lastStep: number, pieceEpoch: number, pieces: number, jumps: number];
}

function keyOf(input: TrajectoryInput, steps: StableRows): string {
  return `${steps.revision}|${input.stepsPerEpoch}|${input.restart}|${input.start}`;
}

function isStable(rows: PathRows | StableRows): rows is StableRows {
  return 'revision' in rows && 'stable' in rows;
}

/** The buffers' resume point, if it holds for this input: same start, schedule and revision, and its rows still there. */
function resumeFor(input: TrajectoryInput, buffers: TrajectoryBuffers): Resume['at'] | null {
  const r = buffers.resume;
  const { steps } = input;
  return r && isStable(steps) && r.key === keyOf(input, steps) && r.at[0] <= Math.min(steps.stable, steps.length) && r.at[1] <= input.epochEnds.length ? r.at : null;
}

/** The 1-based epoch a step belongs to (the epoch-end step belongs to the epoch it ends). */
export function epochOfStep(step: number, stepsPerEpoch: number): number {
  return Math.max(1, Math.ceil(step / Math.max(1, stepsPerEpoch)));
}

/** Keeps the merge's state as a resume point, the first time per build it is asked to. */
function noteResume(buffers: TrajectoryBuffers, input: TrajectoryInput, i: number, j: number, n: number, pieceStart: number): void {
  if (buffers.resume || !isStable(input.steps)) return;
  const { state } = buffers;
  buffers.resume = { key: keyOf(input, input.steps), at: [i, j, n, pieceStart, state[LAST_STEP], state[PIECE_EPOCH], buffers.pieces.length, buffers.jumps.length] };
}

export function buildTrajectory(input: TrajectoryInput, buffers = new TrajectoryBuffers()): Trajectory {
  const { steps, epochEnds, stepsPerEpoch, restart, start, current } = input;
  const from = resumeFor(input, buffers);
  // Every row adds at most two points: itself and, when it opens an epoch, the previous epoch's last point.
  const [i0, j0, n0, pieceStart0, lastStep0, pieceEpoch0, pieces0, jumps0] = from ?? [0, 0, 0, 0, 0, 0, 0, 0];
  buffers.reserve(2 * (steps.length + epochEnds.length + 1), n0);
  const { w1: out1, w2: out2, current: tail, state } = buffers;
  if (current) {
    tail.step[0] = current.step;
    tail.w1[0] = current.w1;
    tail.w2[0] = current.w2;
  }
  const pieces = buffers.pieces;
  const jumps = buffers.jumps;
  pieces.length = pieces0;
  jumps.length = jumps0;
  let n = n0;
  let pieceStart = pieceStart0;
  // Every double the loop carries from one row to the next lives in a typed array (state, out1/out2):
  // V8's faster tiers box a double held in a variable across iterations, a heap number per row.
  state[LAST_STEP] = lastStep0;
  state[PIECE_EPOCH] = pieceEpoch0;
  // The step rows that cannot change (none known: −1, and no build resumes from this one).
  const stable = isStable(steps) ? Math.min(steps.stable, steps.length) : -1;
  buffers.resume = null;

  // Merge the two step-sorted row sets, then the current state.
  let i = i0;
  let j = j0;
  const total = steps.length + epochEnds.length + (current ? 1 : 0);
  for (let k = i + j; k < total; k++) {
    // Pick the row's columns and index, then load each value once. Before the first row that may still
    // change (the current state, or a step row past the stable ones), note where a next build can resume.
    let from: PathRows;
    let row: number;
    if (i >= steps.length && j >= epochEnds.length) {
      if (i === stable) noteResume(buffers, input, i, j, n, pieceStart);
      from = tail;
      row = 0;
    } else if (j < epochEnds.length && (i >= steps.length || epochEnds.step[j] <= steps.step[i])) {
      from = epochEnds;
      row = j++;
    } else {
      if (i === stable) noteResume(buffers, input, i, j, n, pieceStart);
      from = steps;
      row = i++;
    }
    const step = from.step[row];
    if (!(step > state[LAST_STEP])) continue; // duplicate of an epoch-end row already added
    state[LAST_STEP] = step;
    const epoch = epochOfStep(step, stepsPerEpoch);
    if (epoch !== state[PIECE_EPOCH]) {
      if (n > 0) pieces.push({ epoch: state[PIECE_EPOCH] | 0, start: pieceStart, end: n });
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
  if (!current && i === stable) noteResume(buffers, input, i, j, n, pieceStart);
  // The open piece goes on the end of the buffers' own list (the next build takes it off again): copying the
  // list, an object per epoch, on every frame of a run of 10,000 epochs was most of what the page allocated.
  if (n > 0) pieces.push({ epoch: state[PIECE_EPOCH] | 0, start: pieceStart, end: n });
  return { start, length: n, w1: out1.subarray(0, n), w2: out2.subarray(0, n), pieces, jumps };
}
