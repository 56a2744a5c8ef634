// The SVG target of the export composer, and the chart chrome both targets
// share: title, axes with their ticks and titles, and the legend, as SVG
// markup with every look written as attributes (slide programs ignore most
// CSS). The series come from the charts' own draw*.ts functions: canvas ones
// through SvgContext as <path>s, SVG ones run on a detached <svg>.
import { EXPORT_TEXT, type ExportLayout, type PlacedEntry } from './exportLayout.ts';
import type { ChartPieces, ExportLayer, SwatchMark } from './exportTypes.ts';
import type { PlotFrame } from './plotFrame.ts';
import { escapeXml, plainColor, SvgContext, svgNumber as n } from './svgContext.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The id of the plot box's clip; chart SVG layers get ids of their own (export-layer-0, …). */
const PLOT_CLIP = 'export-plot-clip';
/** The looks chart SVG layers take from the page's stylesheet (panels.css) by class, which a saved file leaves behind. */
const LAYER_CSS = '.grid line{stroke:#eef0f3}.epoch-rule{stroke:#c9d0d8;stroke-dasharray:2 3}';

function text(x: number, y: number, content: string, size: number, fill: string, extra = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}" fill="${fill}"${extra}>${escapeXml(content)}</text>`;
}

function strokeAttributes(color: string, width: number, dash?: readonly number[], alpha?: number): string {
  return (
    `stroke="${escapeXml(plainColor(color))}" stroke-width="${n(width)}"` +
    (dash?.length ? ` stroke-dasharray="${dash.map(n).join(' ')}"` : '') +
    (alpha !== undefined && alpha !== 1 ? ` stroke-opacity="${n(alpha)}"` : '')
  );
}

export function swatchMarkup(mark: SwatchMark): string {
  switch (mark.kind) {
    case 'line':
      return `<line x1="${n(mark.x1)}" y1="${n(mark.y1)}" x2="${n(mark.x2)}" y2="${n(mark.y2)}" ${strokeAttributes(mark.color, mark.stroke.width, mark.stroke.dash, mark.stroke.alpha)}/>`;
    case 'polyline':
      return `<polyline points="${mark.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" ${strokeAttributes(mark.color, mark.stroke.width, mark.stroke.dash, mark.stroke.alpha)}/>`;
    case 'dot':
      return (
        `<circle cx="${n(mark.cx)}" cy="${n(mark.cy)}" r="${n(mark.dot.radius)}" fill="${escapeXml(mark.fill)}"` +
        (mark.stroke ? ` ${strokeAttributes(mark.stroke, mark.dot.strokeWidth)}` : '') +
        '/>'
      );
    case 'rect':
      return (
        `<rect x="${n(mark.x)}" y="${n(mark.y)}" width="${n(mark.width)}" height="${n(mark.height)}" fill="${escapeXml(mark.fill)}"` +
        (mark.stroke ? ` ${strokeAttributes(mark.stroke, mark.strokeWidth ?? 1)}` : '') +
        '/>'
      );
    case 'path':
      return `<path d="${escapeXml(mark.d)}" fill="${escapeXml(mark.fill)}"${mark.stroke ? ` ${strokeAttributes(mark.stroke, mark.strokeWidth ?? 1)}` : ''}/>`;
    case 'text':
      return text(mark.x, mark.y, mark.text, mark.fontSize, escapeXml(mark.fill), ` text-anchor="middle"${mark.fontWeight ? ` font-weight="${mark.fontWeight}"` : ''}`);
  }
}

function legendMarkup(placed: PlacedEntry): string {
  const { entry, x, y, lines, height } = placed;
  const { size, swatchGap, lineHeight, color } = EXPORT_TEXT.legend;
  const swatchY = y + (Math.min(height, size * lineHeight) - entry.height) / 2;
  const labelX = entry.width > 0 ? x + entry.width + swatchGap : x;
  // An entry without a mark names its run in the run's colour.
  const fill = entry.marks.length === 0 && entry.runColor ? escapeXml(entry.runColor) : color;
  const label = lines.map((line, i) => text(labelX, y + size * (1 + i * lineHeight) - 1, line, size, fill)).join('');
  const run = entry.runColor ? ` data-run-color="${escapeXml(entry.runColor)}"` : '';
  return `<g class="legend-entry"${run}><g transform="translate(${n(x)},${n(swatchY)})">${entry.marks.map(swatchMarkup).join('')}</g>${label}</g>`;
}

/** The axes: lines along the plot's bottom and left edges, ticks, tick labels and the two titles, in frame pixels. */
function axesMarkup(layout: ExportLayout): string {
  const { frame, axes, xTicks, yTicks } = layout;
  const { tick, axisTitle, axisColor } = EXPORT_TEXT;
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const line = (a: number, b: number, c: number, d: number) => `<line x1="${n(a)}" y1="${n(b)}" x2="${n(c)}" y2="${n(d)}"/>`;
  const marks = [line(x0, y0, x1, y0), line(x0, y0, x0, y1), ...xTicks.map((t) => line(t.at, y0, t.at, y0 + tick.length)), ...yTicks.map((t) => line(x0 - tick.length, t.at, x0, t.at))];
  const labelY = y0 + tick.length + tick.gap + tick.size;
  const xLabels = xTicks.filter((t) => t.label).map((t) => text(t.at, labelY, t.label, tick.size, tick.color, ' text-anchor="middle"'));
  const yLabels = yTicks.filter((t) => t.label).map((t) => text(x0 - tick.length - tick.gap, t.at + tick.size * 0.35, t.label, tick.size, tick.color, ' text-anchor="end"'));
  const xTitle = text((x0 + x1) / 2, layout.xTitleBaseline, axes.titles[0], axisTitle.size, axisTitle.color, ' text-anchor="middle" class="axis-title"');
  const yTitle =
    `<text transform="translate(${n(layout.yTitleCentre)},${n((y0 + y1) / 2)}) rotate(-90)" dy="0.35em" font-size="${n(axisTitle.size)}"` +
    ` fill="${axisTitle.color}" text-anchor="middle" class="axis-title">${escapeXml(axes.titles[1])}</text>`;
  return `<g class="axes"><g stroke="${axisColor}" fill="none">${marks.join('')}</g>${xLabels.join('')}${yLabels.join('')}${xTitle}${yTitle}</g>`;
}

/** Title, axes and legend: everything the composer draws itself (over the series). */
export function chromeMarkup(layout: ExportLayout): string {
  const { title } = layout;
  const t = EXPORT_TEXT.title;
  const heading = `<text class="chart-title" x="${n(title.x)}" y="${n(title.baseline)}" font-size="${n(title.size)}" font-weight="${t.weight}" fill="${t.color}">${escapeXml(title.text)}</text>`;
  const [ox, oy] = layout.origin;
  return `${heading}<g transform="translate(${n(ox)},${n(oy)})">${axesMarkup(layout)}</g><g class="legend">${layout.legend.map(legendMarkup).join('')}</g>`;
}

/** A standalone SVG document of `width` × `height` CSS px, drawn `scale` times larger when rasterised. */
export function svgDocument(width: number, height: number, body: string, options: { readonly title?: string; readonly scale?: number; readonly background?: boolean } = {}): string {
  const { title = '', scale = 1, background = false } = options;
  return (
    `<svg xmlns="${SVG_NS}" width="${n(width * scale)}" height="${n(height * scale)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(EXPORT_TEXT.font)}">` +
    (title ? `<title>${escapeXml(title)}</title>` : '') +
    `<style>${LAYER_CSS}</style>` +
    (background ? `<rect width="100%" height="100%" fill="${EXPORT_TEXT.background}"/>` : '') +
    `${body}</svg>`
  );
}

/**
 * Runs an SVG draw function on a detached <svg> the size of the frame and
 * returns what it drew, or null where there is no document (Node).
 */
export function svgLayerMarkup(draw: (svg: SVGSVGElement) => void, frame: PlotFrame, id: string): string | null {
  if (typeof document === 'undefined' || typeof XMLSerializer === 'undefined') return null;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.id = id;
  svg.setAttribute('width', String(frame.width));
  svg.setAttribute('height', String(frame.height));
  draw(svg);
  const serializer = new XMLSerializer();
  return Array.from(svg.childNodes, (node) => serializer.serializeToString(node)).join('');
}

/** The plot box's clip rectangle, grown by `pad` above and below (as paintPlot clips the screen's canvas). */
export function plotClipRect(frame: PlotFrame, pad = 0): { x: number; y: number; width: number; height: number } {
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  return { x: x0, y: y1 - pad, width: x1 - x0, height: y0 - y1 + 2 * pad };
}

function layerMarkup(layer: ExportLayer, frame: PlotFrame, index: number, defs: string[]): string {
  if (layer.kind === 'svg') return svgLayerMarkup(layer.draw, frame, `export-layer-${index}`) ?? '';
  const ctx = new SvgContext();
  layer.paint(ctx.context);
  const clip = plotClipRect(frame, layer.pad);
  const id = `${PLOT_CLIP}-${index}`;
  defs.push(`<clipPath id="${id}"><rect x="${n(clip.x)}" y="${n(clip.y)}" width="${n(clip.width)}" height="${n(clip.height)}"/></clipPath>`);
  return `<g class="series" clip-path="url(#${id})">${ctx.markup()}</g>`;
}

/** The whole chart as one SVG document: white paper, the chart's layers bottom first, then title, axes and legend. */
export function composeChartSvg(pieces: ChartPieces, layout: ExportLayout): string {
  const defs: string[] = [];
  const layers = pieces.layers(layout.frame).map((layer, i) => layerMarkup(layer, layout.frame, i, defs));
  const [ox, oy] = layout.origin;
  const body = `<defs>${defs.join('')}</defs><g transform="translate(${n(ox)},${n(oy)})">${layers.join('')}</g>${chromeMarkup(layout)}`;
  return svgDocument(layout.width, layout.height, body, { title: pieces.title, background: true });
}
