// A stand-in for a 2D canvas context that records what is painted: each
// stroke() or fill() with the path it paints and the state it paints with.
// Node has no canvas; this is enough to check where marks land and how they look.

export type PathPart =
  | { readonly kind: 'moveTo' | 'lineTo'; readonly x: number; readonly y: number }
  | { readonly kind: 'arc'; readonly x: number; readonly y: number; readonly r: number };

export interface Paint {
  readonly op: 'stroke' | 'fill';
  readonly path: readonly PathPart[];
  readonly strokeStyle: string;
  readonly fillStyle: string;
  readonly lineWidth: number;
  readonly globalAlpha: number;
  readonly lineDash: readonly number[];
  readonly lineDashOffset: number;
}

export class CanvasRecorder {
  strokeStyle = '#000';
  fillStyle = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin = 'miter';
  lineCap = 'butt';
  lineDashOffset = 0;
  readonly paints: Paint[] = [];
  private path: PathPart[] = [];
  private lineDash: number[] = [];
  private saved: { strokeStyle: string; fillStyle: string; lineWidth: number; globalAlpha: number; lineDash: number[] }[] = [];

  setLineDash(dash: number[]): void {
    this.lineDash = [...dash];
  }
  save(): void {
    const { strokeStyle, fillStyle, lineWidth, globalAlpha, lineDash } = this;
    this.saved.push({ strokeStyle, fillStyle, lineWidth, globalAlpha, lineDash });
  }
  restore(): void {
    const state = this.saved.pop();
    if (state) Object.assign(this, state);
  }

  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.path.push({ kind: 'moveTo', x, y });
  }
  lineTo(x: number, y: number): void {
    this.path.push({ kind: 'lineTo', x, y });
  }
  /** Recorded as the line back to the subpath's start, which is what it paints. */
  closePath(): void {
    const start = this.path.findLast((p) => p.kind === 'moveTo');
    if (start) this.path.push({ kind: 'lineTo', x: start.x, y: start.y });
  }
  arc(x: number, y: number, r: number): void {
    this.path.push({ kind: 'arc', x, y, r });
  }
  stroke(): void {
    this.record('stroke');
  }
  fill(): void {
    this.record('fill');
  }

  /** This recorder typed as the context drawing code expects. */
  get context(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }

  private record(op: Paint['op']): void {
    const { strokeStyle, fillStyle, lineWidth, globalAlpha, lineDash, lineDashOffset } = this;
    this.paints.push({ op, path: [...this.path], strokeStyle, fillStyle, lineWidth, globalAlpha, lineDash, lineDashOffset });
  }
}
