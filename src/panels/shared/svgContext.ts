// A stand-in for a 2D canvas context that writes SVG: each stroke() or fill()
// becomes a <path> with the state it was painted with. The charts' canvas
// draw*.ts functions draw through it unchanged, so the SVG export's series are
// the very paths the screen strokes, as vectors. Only the part of the canvas
// API those functions use is here; consecutive paints in the same style are
// merged into one <path>, so a path stroked in 128-segment pieces stays one
// element.

/** Coordinates are written to 1/100 px: finer than any screen or printer resolves. */
export function svgNumber(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** `color-mix(in srgb, C P%, white)` (the weight space's lighter epochs) as plain hex, which every SVG reader understands. */
export function plainColor(css: string): string {
  const m = /^color-mix\(in srgb,\s*#([0-9a-f]{6})\s+([\d.]+)%,\s*white\)$/i.exec(css.trim());
  if (!m) return css;
  const share = Number(m[2]) / 100;
  const hex = m[1];
  let out = '#';
  for (let i = 0; i < 3; i++) {
    const c = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    out += Math.round(c * share + 255 * (1 - share))
      .toString(16)
      .padStart(2, '0');
  }
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface State {
  strokeStyle: string;
  fillStyle: string;
  lineWidth: number;
  globalAlpha: number;
  lineJoin: string;
  lineCap: string;
  dash: number[];
}

export class SvgContext {
  strokeStyle = '#000';
  fillStyle = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin = 'miter';
  lineCap = 'butt';
  private dash: number[] = [];
  private readonly saved: State[] = [];
  private d = '';
  private x = NaN;
  private y = NaN;
  /** Where the path data stood before a moveTo that nothing has followed yet, and the pen then (-1: the last command was not a moveTo). */
  private moveAt = -1;
  private beforeMove: [number, number] = [NaN, NaN];
  /** The full circles of the current path, by centre to 1/2 px and radius. */
  private readonly circles = new Set<string>();
  /** The <path> elements so far: the attributes (a merge key) and the path data. */
  private readonly paths: { attributes: string; d: string }[] = [];

  /** This context typed as the drawing code expects it. */
  get context(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }

  setLineDash(dash: readonly number[]): void {
    this.dash = [...dash];
  }
  getLineDash(): number[] {
    return [...this.dash];
  }
  save(): void {
    const { strokeStyle, fillStyle, lineWidth, globalAlpha, lineJoin, lineCap, dash } = this;
    this.saved.push({ strokeStyle, fillStyle, lineWidth, globalAlpha, lineJoin, lineCap, dash: [...dash] });
  }
  restore(): void {
    const state = this.saved.pop();
    if (state) Object.assign(this, state);
  }

  beginPath(): void {
    this.d = '';
    this.x = NaN;
    this.y = NaN;
    this.moveAt = -1;
    this.circles.clear();
  }
  moveTo(x: number, y: number): void {
    this.moveAt = this.d.length;
    this.beforeMove = [this.x, this.y];
    this.d += `M${svgNumber(x)} ${svgNumber(y)}`;
    this.x = x;
    this.y = y;
  }
  lineTo(x: number, y: number): void {
    if (Number.isNaN(this.x)) return this.moveTo(x, y);
    this.moveAt = -1;
    this.d += `L${svgNumber(x)} ${svgNumber(y)}`;
    this.x = x;
    this.y = y;
  }
  closePath(): void {
    this.moveAt = -1;
    if (this.d) this.d += 'Z';
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveAt = -1;
    this.d += `M${svgNumber(x)} ${svgNumber(y)}h${svgNumber(w)}v${svgNumber(h)}h${svgNumber(-w)}Z`;
    this.x = x;
    this.y = y;
  }
  /** Full circles (all the charts draw) as two half arcs; a partial arc as one. Like canvas, a line joins the current point to the arc's start. */
  arc(cx: number, cy: number, r: number, start: number, end: number, counterclockwise = false): void {
    const sx = cx + r * Math.cos(start);
    const sy = cy + r * Math.sin(start);
    if (Number.isNaN(this.x)) this.moveTo(sx, sy);
    else if (Math.abs(this.x - sx) > 1e-6 || Math.abs(this.y - sy) > 1e-6) this.lineTo(sx, sy);
    const rr = svgNumber(r);
    const sweep = counterclockwise ? 0 : 1;
    const moved = this.moveAt;
    this.moveAt = -1;
    if (Math.abs(end - start) >= 2 * Math.PI - 1e-9) {
      // A dot on a dot already in this path (within 1/2 px) adds nothing to its fill: a dense cloud's SVG keeps one of them.
      const key = `${Math.round(2 * cx)},${Math.round(2 * cy)},${rr}`;
      if (moved >= 0 && this.circles.has(key)) {
        this.d = this.d.slice(0, moved);
        [this.x, this.y] = this.beforeMove;
        return;
      }
      this.circles.add(key);
      // Relative arcs: a scatter of 20,000 dots is mostly these, and they are a third shorter than absolute ones.
      const dx = svgNumber(2 * (cx - sx));
      const dy = svgNumber(2 * (cy - sy));
      this.d += `a${rr} ${rr} 0 1 ${sweep} ${dx} ${dy}a${rr} ${rr} 0 1 ${sweep} ${svgNumber(-2 * (cx - sx))} ${svgNumber(-2 * (cy - sy))}`;
      this.x = sx;
      this.y = sy;
      return;
    }
    const ex = cx + r * Math.cos(end);
    const ey = cy + r * Math.sin(end);
    const span = counterclockwise ? start - end : end - start;
    const large = ((span % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI) > Math.PI ? 1 : 0;
    this.d += `A${rr} ${rr} 0 ${large} ${sweep} ${svgNumber(ex)} ${svgNumber(ey)}`;
    this.x = ex;
    this.y = ey;
  }
  /** The caller's clip is the composer's: the export clips each layer to the plot box itself. */
  clip(): void {}

  stroke(): void {
    if (!/[LAaZh]/.test(this.d)) return;
    const dash = this.dash.length ? ` stroke-dasharray="${this.dash.map(svgNumber).join(' ')}"` : '';
    const alpha = this.globalAlpha === 1 ? '' : ` stroke-opacity="${svgNumber(this.globalAlpha)}"`;
    this.add(
      `fill="none" stroke="${escapeXml(plainColor(this.strokeStyle))}" stroke-width="${svgNumber(this.lineWidth)}"` +
        ` stroke-linejoin="${this.lineJoin}" stroke-linecap="${this.lineCap}"${dash}${alpha}`,
    );
  }
  fill(): void {
    if (!/[LAaZh]/.test(this.d)) return;
    const alpha = this.globalAlpha === 1 ? '' : ` fill-opacity="${svgNumber(this.globalAlpha)}"`;
    this.add(`fill="${escapeXml(plainColor(this.fillStyle))}"${alpha}`);
  }

  /** Everything painted, as SVG elements in painting order. */
  markup(): string {
    return this.paths.map((p) => `<path ${p.attributes} d="${p.d}"/>`).join('');
  }

  private add(attributes: string): void {
    const last = this.paths[this.paths.length - 1];
    if (last && last.attributes === attributes) last.d += this.d;
    else this.paths.push({ attributes, d: this.d });
  }
}
