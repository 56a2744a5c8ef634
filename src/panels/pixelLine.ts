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
 * One pixel column's first, lowest, highest and last points. Kept in an
 * object's fields rather than in variables a closure captures: V8 boxes every
 * non-integer written to a captured variable, and this runs for every row of
 * every line on every frame.
 */
class OpenColumn {
  fx = 0;
  fy = 0;
  lx = 0;
  ly = 0;
  minX = 0;
  minY = 0;
  maxX = 0;
  maxY = 0;
  count = 0;
  pen = false;
  emitted = 0;
  constructor(private readonly sink: PenSink) {}

  open(x: number, y: number): void {
    this.fx = this.lx = this.minX = this.maxX = x;
    this.fy = this.ly = this.minY = this.maxY = y;
    this.count = 1;
  }

  add(x: number, y: number): void {
    this.lx = x;
    this.ly = y;
    if (y < this.minY) {
      this.minY = y;
      this.minX = x;
    }
    if (y > this.maxY) {
      this.maxY = y;
      this.maxX = x;
    }
    this.count++;
  }

  private point(x: number, y: number): void {
    if (this.pen) this.sink.lineTo(x, y);
    else this.sink.moveTo(x, y);
    this.pen = true;
    this.emitted++;
  }

  flush(): void {
    if (this.count === 0) return;
    const { fx, fy, lx, ly } = this;
    this.point(fx, fy);
    if (this.count > 1) {
      // Extremes in the order they occurred, so the pen does not zig-zag backwards.
      const minFirst = this.minX <= this.maxX;
      const ax = minFirst ? this.minX : this.maxX;
      const ay = minFirst ? this.minY : this.maxY;
      const bx = minFirst ? this.maxX : this.minX;
      const by = minFirst ? this.maxY : this.minY;
      if (ay !== fy || ax !== fx) this.point(ax, ay);
      if (by !== ay || bx !== ax) this.point(bx, by);
      if (ly !== by || lx !== bx) this.point(lx, ly);
    }
    this.count = 0;
  }
}

/**
 * Emits the polyline through (px[i], py[i]), i in 0 … length-1, with px
 * non-decreasing. NaN in py breaks the line. Returns the number of points emitted.
 */
export function drawDecimated(px: (i: number) => number, py: (i: number) => number, length: number, sink: PenSink): number {
  const open = new OpenColumn(sink);
  let column = NaN;
  for (let i = 0; i < length; i++) {
    const y = py(i);
    if (Number.isNaN(y)) {
      open.flush();
      open.pen = false;
      column = NaN;
      continue;
    }
    const x = px(i);
    const c = Math.floor(x);
    if (c !== column) {
      open.flush();
      column = c;
      open.open(x, y);
    } else open.add(x, y);
  }
  open.flush();
  return open.emitted;
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
  // The open bucket's first, lowest, highest and last row (first = -1: none open).
  let first = -1, low = -1, high = -1, last = -1;

  // One pass past the end closes the last bucket; no closures, no per-bucket arrays (this runs every frame).
  for (let i = 0; i <= length; i++) {
    const y = i < length ? ys[i] : NaN;
    const gap = Number.isNaN(y);
    const b = gap ? -1 : Math.min(buckets - 1, Math.floor((xs[i] - x0) * perUnit));
    if (!gap && b === bucket && first >= 0) {
      last = i;
      if (y < ys[low]) low = i;
      if (y > ys[high]) high = i;
      continue;
    }
    if (first >= 0) {
      // The kept rows in the order they occurred, each once: first ≤ low, high ≤ last.
      const a = low < high ? low : high;
      const z = low < high ? high : low;
      outX[written] = xs[first];
      outY[written++] = ys[first];
      if (a !== first) {
        outX[written] = xs[a];
        outY[written++] = ys[a];
      }
      if (z !== a) {
        outX[written] = xs[z];
        outY[written++] = ys[z];
      }
      if (last !== z) {
        outX[written] = xs[last];
        outY[written++] = ys[last];
      }
      first = -1;
    }
    if (i === length) break;
    if (gap) {
      outX[written] = xs[i];
      outY[written++] = y;
      bucket = -1;
      continue;
    }
    bucket = b;
    first = low = high = last = i;
  }
  return written;
}
