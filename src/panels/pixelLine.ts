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
 * Emits the polyline through (px[i], py[i]), i in 0 … length-1, with px
 * non-decreasing. NaN in py breaks the line. Returns the number of points emitted.
 */
export function drawDecimated(px: (i: number) => number, py: (i: number) => number, length: number, sink: PenSink): number {
  let emitted = 0;
  let pen = false;
  let column = NaN;
  // The open column's first, lowest, highest and last points (x, y).
  let fx = 0, fy = 0, lx = 0, ly = 0, minY = 0, maxY = 0, minX = 0, maxX = 0;
  let count = 0;

  const point = (x: number, y: number): void => {
    if (pen) sink.lineTo(x, y);
    else sink.moveTo(x, y);
    pen = true;
    emitted++;
  };
  const flush = (): void => {
    if (count === 0) return;
    point(fx, fy);
    if (count > 1) {
      // Extremes in the order they occurred, so the pen does not zig-zag backwards.
      const minFirst = minX <= maxX;
      const [ax, ay, bx, by] = minFirst ? [minX, minY, maxX, maxY] : [maxX, maxY, minX, minY];
      if (ay !== fy || ax !== fx) point(ax, ay);
      if (by !== ay || bx !== ax) point(bx, by);
      if (ly !== by || lx !== bx) point(lx, ly);
    }
    count = 0;
  };

  for (let i = 0; i < length; i++) {
    const y = py(i);
    if (Number.isNaN(y)) {
      flush();
      pen = false;
      column = NaN;
      continue;
    }
    const x = px(i);
    const c = Math.floor(x);
    if (c !== column) {
      flush();
      column = c;
      fx = lx = minX = maxX = x;
      fy = ly = minY = maxY = y;
      count = 1;
      continue;
    }
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
  }
  flush();
  return emitted;
}
