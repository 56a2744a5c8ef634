// The per-epoch summaries on canvas: the full loss at each epoch's end (a
// filled dot) and the epoch's mean batch loss (a hollow one), because the
// gap between the two is what a training loop's printout hides; and, for a
// run with a validation set, its loss there (a hollow diamond), Keras's val_loss.
import { PAPER } from '../shared/markStyle.ts';
import type { PlotFrame } from '../shared/plotFrame.ts';
import type { EpochDot } from './lossMarks.ts';
import type { LossStyle } from './style.ts';

/** Draws dots `from` … end (see lossMarks for their order). */
export function drawEpochDots(ctx: CanvasRenderingContext2D, frame: PlotFrame, dots: readonly EpochDot[], style: LossStyle, from = 0): void {
  const { epochLoss, epochMean, epochVal } = style;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.globalAlpha = 1;
  for (let i = Math.max(0, from); i < dots.length; i++) {
    const d = dots[i];
    const px = frame.x(d.x);
    if (!Number.isNaN(d.mean)) {
      ctx.beginPath();
      ctx.arc(px, frame.y(d.mean), epochMean.radius, 0, 2 * Math.PI);
      ctx.fillStyle = PAPER;
      ctx.fill();
      ctx.strokeStyle = d.color;
      ctx.lineWidth = epochMean.strokeWidth;
      ctx.stroke();
    }
    if (!Number.isNaN(d.val)) {
      const py = frame.y(d.val);
      const r = epochVal.radius;
      ctx.beginPath();
      ctx.moveTo(px, py - r);
      ctx.lineTo(px + r, py);
      ctx.lineTo(px, py + r);
      ctx.lineTo(px - r, py);
      ctx.closePath();
      ctx.fillStyle = PAPER;
      ctx.fill();
      ctx.strokeStyle = d.color;
      ctx.lineWidth = epochVal.strokeWidth;
      ctx.stroke();
    }
    if (!Number.isNaN(d.loss)) {
      ctx.beginPath();
      ctx.arc(px, frame.y(d.loss), epochLoss.radius, 0, 2 * Math.PI);
      ctx.fillStyle = d.color;
      ctx.fill();
      ctx.strokeStyle = PAPER;
      ctx.lineWidth = epochLoss.strokeWidth;
      ctx.stroke();
    }
  }
}
