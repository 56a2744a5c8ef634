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

/**
 * Thins a polyline in data space before it is drawn: the x-range is cut into
 * `buckets` equal buckets and each keeps its first, lowest, highest and last
 * row (M4), in order. With at least two buckets per pixel column no extreme
 * moves by more than one pixel column (a bucket may straddle two), so the
 * drawn line looks like the full one, and it is computed once per change of
 * the series instead of once per frame. NaN rows are kept (they
 * break the line). Writes into outX/outY (capacity ≥ 4·buckets + NaN rows)
 * and returns the number of rows written.
 */
export function thinM4(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
  buckets: number,
  outX: Float64Array,
  outY: Float64Array,
): number {
  if (length <= 0) return 0;
  let written = 0;
  const x0 = xs[0];
  const span = xs[length - 1] - x0;
  const perUnit = span > 0 ? buckets / span : 0;
  let bucket = -1;
  let first = -1, low = -1, high = -1, last = -1;

  const emit = (i: number): void => {
    outX[written] = xs[i];
    outY[written] = ys[i];
    written++;
  };
  const flush = (): void => {
    if (first < 0) return;
    // The kept rows in the order they occurred, each once.
    const picks = [first, low, high, last].sort((a, b) => a - b);
    let previous = -1;
    for (const i of picks) {
      if (i !== previous) emit(i);
      previous = i;
    }
    first = -1;
  };

  for (let i = 0; i < length; i++) {
    const y = ys[i];
    if (Number.isNaN(y)) {
      flush();
      emit(i);
      bucket = -1;
      continue;
    }
    const b = Math.min(buckets - 1, Math.floor((xs[i] - x0) * perUnit));
    if (b !== bucket || first < 0) {
      flush();
      bucket = b;
      first = low = high = last = i;
      continue;
    }
    last = i;
    if (y < ys[low]) low = i;
    if (y > ys[high]) high = i;
  }
  flush();
  return written;
}
