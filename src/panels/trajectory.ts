// A run's path through weight space, cut into one piece per epoch. Epoch e+1
// starts exactly where epoch e ended — the piece for e+1 begins with e's last
// point — unless the run restarts from new random weights each epoch, in which
// case the jump between the two is returned separately so it can be drawn as
// the discontinuity it is.

/** The columns of a step series the path needs (rows sorted by step). */
export interface PathRows {
  readonly length: number;
  readonly step: ArrayLike<number>;
  readonly w1: ArrayLike<number>;
  readonly w2: ArrayLike<number>;
}

export interface EpochPiece {
  /** 1-based epoch. */
  readonly epoch: number;
  readonly w1: number[];
  readonly w2: number[];
}

export interface Jump {
  /** The epoch that starts with this jump. */
  readonly epoch: number;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
}

export interface Trajectory {
  readonly start: readonly [number, number];
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

/** The 1-based epoch a step belongs to (the epoch-end step belongs to the epoch it ends). */
export function epochOfStep(step: number, stepsPerEpoch: number): number {
  return Math.max(1, Math.ceil(step / Math.max(1, stepsPerEpoch)));
}

export function buildTrajectory(input: TrajectoryInput): Trajectory {
  const { steps, epochEnds, stepsPerEpoch, restart, start } = input;
  const pieces: EpochPiece[] = [];
  const jumps: Jump[] = [];
  let piece: { epoch: number; w1: number[]; w2: number[] } | null = null;
  let lastStep = 0;
  let last: [number, number] = [start[0], start[1]];

  const add = (step: number, w1: number, w2: number): void => {
    if (!(step > lastStep)) return; // duplicate of an epoch-end row already added
    const epoch = epochOfStep(step, stepsPerEpoch);
    if (piece === null || epoch !== piece.epoch) {
      piece = { epoch, w1: [], w2: [] };
      pieces.push(piece);
      if (restart && epoch > 1) jumps.push({ epoch, from: last, to: [w1, w2] });
      else {
        piece.w1.push(last[0]);
        piece.w2.push(last[1]);
      }
    }
    piece.w1.push(w1);
    piece.w2.push(w2);
    lastStep = step;
    last = [w1, w2];
  };

  // Merge the two step-sorted row sets.
  let i = 0;
  let j = 0;
  while (i < steps.length || j < epochEnds.length) {
    const useEpoch = j < epochEnds.length && (i >= steps.length || epochEnds.step[j] <= steps.step[i]);
    if (useEpoch) {
      add(epochEnds.step[j], epochEnds.w1[j], epochEnds.w2[j]);
      j++;
    } else {
      add(steps.step[i], steps.w1[i], steps.w2[i]);
      i++;
    }
  }
  if (input.current) add(input.current.step, input.current.w1, input.current.w2);
  return { start, pieces, jumps };
}
