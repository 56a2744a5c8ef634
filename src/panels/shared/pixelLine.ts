// Drawing a polyline of up to 65,536 rows into a few hundred pixel columns:
// rows falling in the same column are reduced to the first, lowest, highest
// and last of them (M4), which covers exactly the pixels the full line would
// while handing the canvas a few points per column instead of hundreds.

/** Where the decimated line goes (a canvas context fits). */
export interface PenSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/**
 * Value → pixel as plain numbers: origin + scale · (t(v clamped to [lo, hi]) − base),
 * t = ln on a log axis; NaN stays NaN (a gap). Drawing loops take this rather
 * than a callback, which V8 may leave un-inlined and then box every double it
 * returns: one heap allocation per row, every frame.
 */
export interface PixelMapping {
  readonly origin: number;
  readonly scale: number;
  readonly base: number;
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
}

export function toPixel(m: PixelMapping, v: number): number {
  if (v !== v) return NaN;
  const c = v > m.hi ? m.hi : v < m.lo ? m.lo : v;
  return m.origin + m.scale * ((m.log ? Math.log(c) : c) - m.base);
}

/**
 * Emits the polyline through the pixels of (xs[i], ys[i]), i in 0 … length-1,
 * with xs non-decreasing. NaN in ys breaks the line. Returns the number of points emitted.
 */
export function drawDecimated(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
  toX: PixelMapping,
  toY: PixelMapping,
  sink: PenSink,
): number {
  // Everything below stays in plain locals, mapping included (toPixel written out): TurboFan keeps
  // those unboxed, whereas a call it declines to inline, or a variable a closure captures, costs
  // a heap number per row — this runs for every row of every line on every frame.
  const { origin: ox, scale: sx, base: xBase, lo: xlo, hi: xhi, log: xlog } = toX;
  const { origin: oy, scale: sy, base: yBase, lo: ylo, hi: yhi, log: ylog } = toY;
  let emitted = 0;
  let pen = false;
  let column = NaN;
  // The open column's first, lowest, highest and last points (x, y), and how many rows it holds.
  let fx = 0, fy = 0, lx = 0, ly = 0, minY = 0, maxY = 0, minX = 0, maxX = 0;
  let count = 0;

  // One pass past the end closes the last column.
  for (let i = 0; i <= length; i++) {
    const vy = i < length ? ys[i] : NaN;
    const cy = vy > yhi ? yhi : vy < ylo ? ylo : vy;
    const y = oy + sy * ((ylog ? Math.log(cy) : cy) - yBase);
    const gap = y !== y;
    let x = NaN;
    if (!gap) {
      const vx = xs[i];
      const cx = vx > xhi ? xhi : vx < xlo ? xlo : vx;
      x = ox + sx * ((xlog ? Math.log(cx) : cx) - xBase);
    }
    const c = Math.floor(x);
    if (!gap && c === column) {
      lx = x;
      ly = y;
      if (y < minY) {
        minY = y;
        minX = x;
      }
      if (y > maxY) {
        maxY = y;
        maxX = x;
      }
      count++;
      continue;
    }
    if (count > 0) {
      if (pen) sink.lineTo(fx, fy);
      else sink.moveTo(fx, fy);
      pen = true;
      emitted++;
      if (count > 1) {
        // Extremes in the order they occurred, so the pen does not zig-zag backwards.
        const minFirst = minX <= maxX;
        const ax = minFirst ? minX : maxX;
        const ay = minFirst ? minY : maxY;
        const bx = minFirst ? maxX : minX;
        const by = minFirst ? maxY : minY;
        if (ay !== fy || ax !== fx) {
          sink.lineTo(ax, ay);
          emitted++;
        }
        if (by !== ay || bx !== ax) {
          sink.lineTo(bx, by);
          emitted++;
        }
        if (ly !== by || lx !== bx) {
          sink.lineTo(lx, ly);
          emitted++;
        }
      }
      count = 0;
    }
    if (gap) {
      pen = false;
      column = NaN;
      continue;
    }
    column = c;
    fx = lx = minX = maxX = x;
    fy = ly = minY = maxY = y;
    count = 1;
  }
  return emitted;
}
