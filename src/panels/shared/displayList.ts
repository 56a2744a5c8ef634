// A canvas drawing as data: a context that records the 2D calls a chart's
// draw*.ts functions make into one Float64Array (and a table of the strings
// they set), and a replay of it onto any 2D context. What is recorded on the
// page is rastered by a worker on an OffscreenCanvas (raster.worker.ts), so
// the drawing code stays the one the screen, the exports and the tests use.

/** A recorded drawing: op codes and their arguments, and the strings (colours, joins) they name by index. */
export interface DisplayList {
  readonly ops: Float64Array;
  readonly strings: readonly string[];
}

/** Op codes: the first number of each recorded call. */
const Op = {
  BeginPath: 0,
  MoveTo: 1,
  LineTo: 2,
  Arc: 3,
  ClosePath: 4,
  Rect: 5,
  Stroke: 6,
  Fill: 7,
  Clip: 8,
  Save: 9,
  Restore: 10,
  SetTransform: 11,
  SetLineDash: 12,
  StrokeStyle: 13,
  FillStyle: 14,
  LineWidth: 15,
  GlobalAlpha: 16,
  LineJoin: 17,
  LineCap: 18,
  LineDashOffset: 19,
} as const;

/** The members of a 2D context the charts' canvas drawing uses, and all a replay needs. */
export type Context2D = Pick<
  CanvasRenderingContext2D,
  | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'closePath' | 'rect' | 'stroke' | 'fill' | 'clip' | 'save' | 'restore' | 'setTransform' | 'setLineDash'
  | 'strokeStyle' | 'fillStyle' | 'lineWidth' | 'globalAlpha' | 'lineJoin' | 'lineCap' | 'lineDashOffset'
>;

/** The style a context keeps and save/restore brings back (as much of it as the charts set). */
interface StyleState {
  strokeStyle: string;
  fillStyle: string;
  lineWidth: number;
  globalAlpha: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  lineDashOffset: number;
}

/**
 * Records every call into a growing buffer. Reads of a style give back what was
 * set, as a context does, so drawing code that saves and restores a value works.
 */
export class RecordingContext {
  private ops: Float64Array;
  private used = 0;
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private state: StyleState = { strokeStyle: '#000', fillStyle: '#000', lineWidth: 1, globalAlpha: 1, lineJoin: 'miter', lineCap: 'butt', lineDashOffset: 0 };
  private readonly saved: StyleState[] = [];

  /** `buffer`: where to record (a list's buffer handed back after its raster, so repaints reuse one), grown as needed. */
  constructor(buffer: Float64Array = new Float64Array(4096)) {
    this.ops = buffer;
  }

  /** Room for `count` more numbers. Calls below write them one by one: a rest parameter would allocate an array per lineTo. */
  private reserve(count: number): Float64Array {
    if (this.used + count > this.ops.length) {
      const grown = new Float64Array(Math.max(this.ops.length * 2, this.used + count));
      grown.set(this.ops.subarray(0, this.used));
      this.ops = grown;
    }
    return this.ops;
  }

  private op0(op: number): void {
    this.reserve(1)[this.used++] = op;
  }

  private op1(op: number, a: number): void {
    const ops = this.reserve(2);
    ops[this.used++] = op;
    ops[this.used++] = a;
  }

  private op2(op: number, a: number, b: number): void {
    const ops = this.reserve(3);
    ops[this.used++] = op;
    ops[this.used++] = a;
    ops[this.used++] = b;
  }

  private opN(op: number, args: readonly number[]): void {
    const ops = this.reserve(args.length + 1);
    ops[this.used++] = op;
    for (const a of args) ops[this.used++] = a;
  }

  private text(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.stringIndex.set(s, i);
    }
    return i;
  }

  beginPath(): void { this.op0(Op.BeginPath); }
  moveTo(x: number, y: number): void { this.op2(Op.MoveTo, x, y); }
  lineTo(x: number, y: number): void { this.op2(Op.LineTo, x, y); }
  // Written out, not through opN: a repaint records hundreds of epoch dots, and an argument array for each is garbage.
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    const ops = this.reserve(7);
    ops[this.used++] = Op.Arc;
    ops[this.used++] = x;
    ops[this.used++] = y;
    ops[this.used++] = r;
    ops[this.used++] = a0;
    ops[this.used++] = a1;
    ops[this.used++] = ccw ? 1 : 0;
  }
  closePath(): void { this.op0(Op.ClosePath); }
  rect(x: number, y: number, w: number, h: number): void { this.opN(Op.Rect, [x, y, w, h]); }
  stroke(): void { this.op0(Op.Stroke); }
  fill(): void { this.op0(Op.Fill); }
  clip(): void { this.op0(Op.Clip); }
  save(): void {
    this.saved.push({ ...this.state });
    this.op0(Op.Save);
  }
  restore(): void {
    this.state = this.saved.pop() ?? this.state;
    this.op0(Op.Restore);
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void { this.opN(Op.SetTransform, [a, b, c, d, e, f]); }
  setLineDash(dash: readonly number[]): void { this.opN(Op.SetLineDash, [dash.length, ...dash]); }

  get strokeStyle(): string { return this.state.strokeStyle; }
  set strokeStyle(v: string) { this.state.strokeStyle = v; this.op1(Op.StrokeStyle, this.text(v)); }
  get fillStyle(): string { return this.state.fillStyle; }
  set fillStyle(v: string) { this.state.fillStyle = v; this.op1(Op.FillStyle, this.text(v)); }
  get lineWidth(): number { return this.state.lineWidth; }
  set lineWidth(v: number) { this.state.lineWidth = v; this.op1(Op.LineWidth, v); }
  get globalAlpha(): number { return this.state.globalAlpha; }
  set globalAlpha(v: number) { this.state.globalAlpha = v; this.op1(Op.GlobalAlpha, v); }
  get lineJoin(): CanvasLineJoin { return this.state.lineJoin; }
  set lineJoin(v: CanvasLineJoin) { this.state.lineJoin = v; this.op1(Op.LineJoin, this.text(v)); }
  get lineCap(): CanvasLineCap { return this.state.lineCap; }
  set lineCap(v: CanvasLineCap) { this.state.lineCap = v; this.op1(Op.LineCap, this.text(v)); }
  get lineDashOffset(): number { return this.state.lineDashOffset; }
  set lineDashOffset(v: number) { this.state.lineDashOffset = v; this.op1(Op.LineDashOffset, v); }

  /** The drawing so far: a view of the recorded numbers in the recording's buffer (transfer that buffer, not a copy). */
  finish(): DisplayList {
    return { ops: this.ops.subarray(0, this.used), strings: [...this.strings] };
  }

  /** As the context the draw*.ts functions are typed with (they use only what this records). */
  asContext(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }
}

/** Plays a recorded drawing onto `ctx`, call for call. */
export function replay(list: DisplayList, ctx: Context2D): void {
  const { ops, strings } = list;
  let i = 0;
  while (i < ops.length) {
    switch (ops[i++]) {
      case Op.BeginPath: ctx.beginPath(); break;
      case Op.MoveTo: ctx.moveTo(ops[i], ops[i + 1]); i += 2; break;
      case Op.LineTo: ctx.lineTo(ops[i], ops[i + 1]); i += 2; break;
      case Op.Arc: ctx.arc(ops[i], ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4], ops[i + 5] === 1); i += 6; break;
      case Op.ClosePath: ctx.closePath(); break;
      case Op.Rect: ctx.rect(ops[i], ops[i + 1], ops[i + 2], ops[i + 3]); i += 4; break;
      case Op.Stroke: ctx.stroke(); break;
      case Op.Fill: ctx.fill(); break;
      case Op.Clip: ctx.clip(); break;
      case Op.Save: ctx.save(); break;
      case Op.Restore: ctx.restore(); break;
      case Op.SetTransform: ctx.setTransform(ops[i], ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4], ops[i + 5]); i += 6; break;
      case Op.SetLineDash: {
        const n = ops[i++];
        ctx.setLineDash(Array.from(ops.subarray(i, i + n)));
        i += n;
        break;
      }
      case Op.StrokeStyle: ctx.strokeStyle = strings[ops[i++]]; break;
      case Op.FillStyle: ctx.fillStyle = strings[ops[i++]]; break;
      case Op.LineWidth: ctx.lineWidth = ops[i++]; break;
      case Op.GlobalAlpha: ctx.globalAlpha = ops[i++]; break;
      case Op.LineJoin: ctx.lineJoin = strings[ops[i++]] as CanvasLineJoin; break;
      case Op.LineCap: ctx.lineCap = strings[ops[i++]] as CanvasLineCap; break;
      case Op.LineDashOffset: ctx.lineDashOffset = ops[i++]; break;
      default: throw new Error(`display list: unknown op ${ops[i - 1]} at ${i - 1}`);
    }
  }
}
