// The weight-space panel's canvas layer: each run's path, restart jumps and
// epoch-end dots, drawn on canvas because a path can hold 65,536 rows.
import { preparePlot } from '../shared/canvas.ts';
import { affineOf, type Frame } from './weightFrame.ts';
import type { RunPath } from './weightScene.ts';
import { niceStride } from '../shared/xAxis.ts';

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

/** A lighter shade of a CSS colour, for every other epoch of a path. */
function lighter(color: string): string {
  return `color-mix(in srgb, ${color} 45%, white)`;
}

export function drawPaths(canvas: HTMLCanvasElement, frame: Frame, paths: readonly RunPath[], primaryId: string | undefined): void {
  const ctx = preparePlot(canvas, frame);
  if (!ctx) return;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  // Canvas coordinates beyond ±1e7 px are not drawn reliably; a blown-up path is pinned there instead.
  const [ax, bx] = affineOf(frame.x);
  const [ay, by] = affineOf(frame.y);
  const px = (w: number): number => Math.max(-1e7, Math.min(1e7, ax * w + bx));
  const py = (w: number): number => Math.max(-1e7, Math.min(1e7, ay * w + by));
  const ordered = [...paths].sort((a, b) => Number(a.run.id === primaryId) - Number(b.run.id === primaryId));
  for (const { run, trajectory } of ordered) {
    // Near the optimum a noisy path of 65,536 rows is a ball of overlapping strokes; drawing every
    // n-th row of it looks the same and keeps rasterising cheap. Each epoch's first and last row are always drawn.
    const rows = trajectory.length;
    const rowStride = Math.max(1, Math.ceil(rows / Math.max(MIN_PATH_ROWS, PATH_ROW_BUDGET / paths.length)));
    // One stroke per shade: odd epochs in the run's colour, even ones lighter.
    for (const parity of [0, 1]) {
      ctx.strokeStyle = parity === 1 ? run.color : lighter(run.color);
      ctx.lineWidth = run.id === primaryId ? 2 : 1.5;
      ctx.beginPath();
      let segments = 0;
      const { w1, w2 } = trajectory;
      for (const piece of trajectory.pieces) {
        if (piece.epoch % 2 !== parity) continue;
        let lastX = NaN;
        let lastY = NaN;
        const end = piece.end - piece.start - 1;
        for (let i = 0; i <= end; i += i + rowStride > end && i !== end ? end - i : rowStride) {
          const x = px(w1[piece.start + i]);
          const y = py(w2[piece.start + i]);
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          if (i === 0) ctx.moveTo(x, y);
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
    if (trajectory.jumps.length > 0) {
      ctx.save();
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = 1;
      ctx.strokeStyle = run.color;
      ctx.globalAlpha = 0.8;
      ctx.beginPath();
      for (const j of trajectory.jumps) {
        ctx.moveTo(px(j.from[0]), py(j.from[1]));
        ctx.lineTo(px(j.to[0]), py(j.to[1]));
      }
      ctx.stroke();
      ctx.restore();
    }
    // Every epoch end gets a dot (numbered circles for the primary run are drawn over them in SVG).
    const e = run.epochs;
    const stride = niceStride(e.length, 2000);
    ctx.fillStyle = run.color;
    for (let i = stride - 1; i < e.length; i += stride) {
      ctx.beginPath();
      ctx.arc(px(e.w1[i]), py(e.w2[i]), 2.4, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.restore();
}
