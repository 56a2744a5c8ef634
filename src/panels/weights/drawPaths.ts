// The weight-space panel's canvas layer: each run's path, restart jumps and
// epoch-end dots, drawn on canvas because a path can hold 65,536 rows.
import { niceStride } from '../shared/xAxis.ts';
import { lighter, type WeightStyle } from './style.ts';
import type { EpochPiece, Trajectory } from './trajectory.ts';
import { affineOf, type DrawFn } from '../shared/plotFrame.ts';
import type { RunPath } from './weightScene.ts';

export interface PathShapes {
  readonly paths: readonly RunPath[];
  /** The primary run's path is drawn last and wider. */
  readonly primaryId: string | undefined;
  /** Per run id, the trajectory rows already drawn (pathAppend.ts): its path is extended from there; others from `from`. */
  readonly drawnRows?: ReadonlyMap<string, number>;
}

/**
 * Path rows drawn per frame, shared by the visible runs (rasterising long
 * round-joined strokes is what costs, not computing them); beyond it every
 * n-th row of a run is drawn.
 */
const PATH_ROW_BUDGET = 12_000;
const MIN_PATH_ROWS = 1_500;
/**
 * Segments per stroke call. Software rasterisers fill a stroke's outline as one
 * shape, and a noisy path near the optimum overlaps itself thousands of times on
 * every scanline: one 10,000-segment stroke took up to 300 ms, in pieces 10 ms.
 * The colours are opaque and the caps round, so the pieces look like one line.
 */
const SEGMENTS_PER_STROKE = 128;
/** Epoch-end dots per run, beyond which every 2nd, 5th, 10th, … is drawn. */
const MAX_EPOCH_DOTS = 2000;

type Pixel = (w: number) => number;

/**
 * Draws every visible run's path onto `ctx` (in CSS pixels of `frame`, at
 * whatever scale the context carries, clipped by the caller). With `from`,
 * trajectory rows before it are taken as already drawn and the paths are
 * extended from there, with the same thinning as the drawing they extend.
 */
export const drawPaths: DrawFn<CanvasRenderingContext2D, PathShapes, WeightStyle> = (ctx, frame, shapes, style, from = 0) => {
  const { paths, primaryId } = shapes;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  // Canvas coordinates beyond ±1e7 px are not drawn reliably; a blown-up path is pinned there instead.
  const [ax, bx] = affineOf(frame.xPixels);
  const [ay, by] = affineOf(frame.yPixels);
  const px: Pixel = (w) => Math.max(-1e7, Math.min(1e7, ax * w + bx));
  const py: Pixel = (w) => Math.max(-1e7, Math.min(1e7, ay * w + by));
  const ordered = [...paths].sort((a, b) => Number(a.run.id === primaryId) - Number(b.run.id === primaryId));
  for (const { run, trajectory } of ordered) {
    const start = shapes.drawnRows?.get(run.id) ?? from;
    // Near the optimum a noisy path of 65,536 rows is a ball of overlapping strokes; drawing every
    // n-th row of it looks the same and keeps rasterising cheap. Each epoch's first and last row are always drawn.
    const rowStride = Math.max(1, Math.ceil(trajectory.length / Math.max(MIN_PATH_ROWS, PATH_ROW_BUDGET / paths.length)));
    const width = run.id === primaryId ? style.path.primary.width : style.path.other.width;
    // One stroke per shade: odd epochs in the run's colour, even ones lighter.
    for (const parity of [0, 1]) {
      ctx.strokeStyle = parity === 1 ? run.color : lighter(run.color, style);
      ctx.lineWidth = width;
      strokePieces(ctx, trajectory, parity, rowStride, start, px, py);
    }
    drawJumps(ctx, trajectory, run.color, style, start, px, py);
    drawEpochDots(ctx, run, trajectory, style, start, px, py);
  }
};

/** Strokes the pieces of one parity, from the drawn row at or before `from` on. */
function strokePieces(ctx: CanvasRenderingContext2D, trajectory: Trajectory, parity: number, rowStride: number, from: number, px: Pixel, py: Pixel): void {
  const { w1, w2 } = trajectory;
  ctx.beginPath();
  let segments = 0;
  for (const piece of trajectory.pieces) {
    if (piece.epoch % 2 !== parity || piece.end <= from) continue;
    const end = piece.end - piece.start - 1;
    // The first drawn row of the piece that the part to be appended starts from.
    const first = from > piece.start ? Math.min(end, Math.floor((from - 1 - piece.start) / rowStride) * rowStride) : 0;
    let lastX = NaN;
    let lastY = NaN;
    for (let i = first; i <= end; i += i + rowStride > end && i !== end ? end - i : rowStride) {
      const x = px(w1[piece.start + i]);
      const y = py(w2[piece.start + i]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (i === first) ctx.moveTo(x, y);
      // Moves under half a pixel are invisible; skipping them keeps a 65,536-row path cheap to stroke.
      else if (i === end || Math.abs(x - lastX) >= 0.5 || Math.abs(y - lastY) >= 0.5) ctx.lineTo(x, y);
      else continue;
      lastX = x;
      lastY = y;
      if (++segments >= SEGMENTS_PER_STROKE) {
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(x, y);
        segments = 0;
      }
    }
  }
  ctx.stroke();
}

/** Where an epoch's piece starts, if it has one. */
function pieceStart(trajectory: Trajectory, epoch: number): number | undefined {
  return trajectory.pieces.find((p) => p.epoch === epoch)?.start;
}

function drawJumps(ctx: CanvasRenderingContext2D, trajectory: Trajectory, color: string, style: WeightStyle, from: number, px: Pixel, py: Pixel): void {
  const firstEpoch = from > 0 ? (trajectory.pieces[firstPieceEndingAfter(trajectory.pieces, from)]?.epoch ?? Infinity) : -Infinity;
  // A jump opens its epoch's piece: the ones still to draw open pieces that start at or after `from`.
  const jumps = from > 0 ? trajectory.jumps.filter((j) => j.epoch > firstEpoch || (j.epoch === firstEpoch && (pieceStart(trajectory, j.epoch) ?? 0) >= from)) : trajectory.jumps;
  if (jumps.length === 0) return;
  ctx.save();
  ctx.setLineDash([...style.jump.dash]);
  ctx.lineWidth = style.jump.width;
  ctx.strokeStyle = color;
  ctx.globalAlpha = style.jump.alpha;
  ctx.beginPath();
  for (const j of jumps) {
    ctx.moveTo(px(j.from[0]), py(j.from[1]));
    ctx.lineTo(px(j.to[0]), py(j.to[1]));
  }
  ctx.stroke();
  ctx.restore();
}

/** A dot at every epoch end (the primary run's numbered circles are drawn over them in SVG); from `from`, those of epochs whose piece reaches past it. */
function drawEpochDots(ctx: CanvasRenderingContext2D, run: RunPath['run'], trajectory: Trajectory, style: WeightStyle, from: number, px: Pixel, py: Pixel): void {
  const e = run.epochs;
  const stride = niceStride(e.length, MAX_EPOCH_DOTS);
  // Pieces are in epoch order, so the epochs already drawn are those before the first piece ending past `from`.
  const firstEpoch = from > 0 ? (trajectory.pieces[firstPieceEndingAfter(trajectory.pieces, from)]?.epoch ?? Infinity) : -Infinity;
  ctx.fillStyle = run.color;
  for (let i = stride - 1; i < e.length; i += stride) {
    if (e.epoch[i] < firstEpoch) continue;
    ctx.beginPath();
    ctx.arc(px(e.w1[i]), py(e.w2[i]), style.epochDot.radius, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** Index of the first piece whose end is past `row` (pieces.length when none), by binary search. */
function firstPieceEndingAfter(pieces: readonly EpochPiece[], row: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pieces[mid].end <= row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
