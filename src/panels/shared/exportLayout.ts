// Where everything of an exported chart goes, in CSS pixels: the title on
// top, the chart's frame (its plot box the on-screen one, with margins sized
// for the export's larger tick labels), the axes' ticks with labels that never
// overlap, and the legend below, wrapped into rows. Pure, for both targets.
import type { ChartPieces, ExportAxes, LegendEntry } from './exportTypes.ts';
import type { Margin, PlotFrame } from './plotFrame.ts';

/** The look of what the composer itself draws. Larger than on screen: a chart on a slide is read from the back of a room. */
export const EXPORT_TEXT = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  title: { size: 16, weight: 600, color: '#1d232b' },
  axisTitle: { size: 12.5, color: '#3a424c' },
  tick: { size: 11.5, color: '#4a5360', length: 5, gap: 3 },
  legend: { size: 12, color: '#2b323b', rowGap: 5, entryGap: 18, swatchGap: 6, lineHeight: 1.3 },
  axisColor: '#9aa3ad',
  background: '#fff',
  /** Paper around everything. */
  pad: 14,
  /** Least horizontal room between two x tick labels, and vertical between y ones. */
  labelGap: 8,
} as const;

/** Width of `text` set at `size` px (the browser measures; Node estimates). */
export type TextMeasure = (text: string, size: number, weight?: number) => number;

const NARROW = new Set("iljt.,:;|!'()[]f ·⁰¹²³⁴⁵⁶⁷⁸⁹⁻");
const WIDE = new Set('mwMW—−');

/**
 * A generous estimate of system-ui widths, for Node and for readers whose
 * font is wider than the exporting browser's: layouts made with it leave room.
 */
export const estimateText: TextMeasure = (text, size, weight = 400) => {
  let em = 0;
  for (const c of text) em += NARROW.has(c) ? 0.32 : WIDE.has(c) ? 0.86 : c >= 'A' && c <= 'Z' ? 0.68 : 0.57;
  return em * size * (weight >= 600 ? 1.06 : 1);
};

export interface Tick {
  readonly value: number;
  /** Position along the axis in frame pixels. */
  readonly at: number;
  /** '' when the tick is drawn without a label. */
  readonly label: string;
}

export interface PlacedEntry {
  readonly entry: LegendEntry;
  /** Top-left of the swatch and of the first label line. */
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  readonly height: number;
}

export interface ExportLayout {
  readonly width: number;
  readonly height: number;
  readonly title: { readonly text: string; readonly x: number; readonly baseline: number; readonly size: number };
  /** The chart's frame, drawn with its top-left at `origin`. */
  readonly frame: PlotFrame;
  readonly origin: readonly [number, number];
  readonly axes: ExportAxes;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Baseline of the x-axis title and centre of the y-axis title, in frame pixels. */
  readonly xTitleBaseline: number;
  readonly yTitleCentre: number;
  readonly legend: readonly PlacedEntry[];
}

function ticksOf(scale: PlotFrame['x'], count: number, format: (v: number) => string): Tick[] {
  return scale.ticks(count).map((value) => ({ value, at: scale(value), label: format(value) }));
}

/** Drops labels (keeping their ticks) that would touch the last label kept, walking along the axis. */
function spaced(ticks: readonly Tick[], extent: (t: Tick) => number, gap: number): Tick[] {
  const sorted = [...ticks].sort((a, b) => a.at - b.at);
  let edge = -Infinity;
  return sorted.map((t) => {
    if (!t.label) return t;
    const half = extent(t) / 2;
    if (t.at - half < edge + gap) return { ...t, label: '' };
    edge = t.at + half;
    return t;
  });
}

/** A label broken at spaces into lines of at most `max` px (a word longer than that gets its own line). */
export function wrapLabel(text: string, max: number, measure: TextMeasure, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Run entries fill rows first; the marks' entries start a row of their own. */
function placeLegend(entries: readonly LegendEntry[], top: number, width: number, measure: TextMeasure): { placed: PlacedEntry[]; bottom: number } {
  const { size, rowGap, entryGap, swatchGap, lineHeight } = EXPORT_TEXT.legend;
  const left = EXPORT_TEXT.pad;
  const right = width - EXPORT_TEXT.pad;
  const placed: PlacedEntry[] = [];
  let x = left;
  let y = top;
  let rowHeight = 0;
  let wasRun: boolean | null = null;
  for (const entry of entries) {
    const isRun = entry.runColor !== undefined;
    const swatch = entry.width > 0 ? entry.width + swatchGap : 0;
    const room = right - left - swatch;
    const lines = wrapLabel(entry.label, Math.max(40, room), measure, size);
    const labelWidth = Math.max(...lines.map((l) => measure(l, size)));
    const w = swatch + labelWidth;
    const h = Math.max(entry.height, lines.length * size * lineHeight);
    const newRow = x > left && (x + w > right || (wasRun === true && !isRun));
    if (newRow) {
      x = left;
      y += rowHeight + rowGap;
      rowHeight = 0;
    }
    placed.push({ entry, x, y, lines, height: h });
    x += w + entryGap;
    rowHeight = Math.max(rowHeight, h);
    wasRun = isRun;
  }
  return { placed, bottom: y + rowHeight };
}

/** Lays out the chart: its plot box as on screen, margins sized to the export's labels, title above, legend below. */
export function layoutExport(pieces: ChartPieces, measure: TextMeasure = estimateText): ExportLayout {
  const { tick, axisTitle, title: titleText, pad, labelGap } = EXPORT_TEXT;
  const { width: plotW, height: plotH } = pieces.plot;
  // Tick values depend on the domain and the plot's length only, so a frame with no margin gives the labels that size the margin.
  const bare = pieces.frame({ top: 0, right: 0, bottom: 0, left: 0 }, plotW, plotH);
  const axes = pieces.axes(bare);
  const yLabels = ticksOf(bare.y, axes.yTickCount, axes.yFormat);
  const yLabelWidth = Math.max(0, ...yLabels.map((t) => measure(t.label, tick.size)));
  const xLabels = ticksOf(bare.x, axes.xTickCount, axes.xFormat).filter((t) => t.label);
  const lastX = xLabels.length ? xLabels[xLabels.length - 1] : null;
  const overhang = lastX ? Math.max(0, lastX.at + measure(lastX.label, tick.size) / 2 - plotW) : 0;
  const margin: Margin = {
    top: tick.size,
    right: Math.max(pad, overhang + 4),
    bottom: tick.length + tick.gap + tick.size * 1.25 + 6 + axisTitle.size,
    left: pad + axisTitle.size + 8 + yLabelWidth + tick.length + tick.gap,
  };
  const frameWidth = margin.left + plotW + margin.right;
  const frameHeight = margin.top + plotH + margin.bottom;
  const frame = pieces.frame(margin, frameWidth, frameHeight);
  const width = Math.ceil(frameWidth);
  const titleSize = Math.min(titleText.size, (titleText.size * (width - 2 * pad)) / Math.max(1, measure(pieces.title, titleText.size, titleText.weight)));
  const titleBaseline = pad + titleSize;
  const originY = titleBaseline + 6;
  const [x0, x1] = frame.x.range();
  const [y0, y1] = frame.y.range();
  const xTicks = spaced(ticksOf(frame.x, axes.xTickCount, axes.xFormat), (t) => measure(t.label, tick.size), labelGap).filter((t) => t.at >= x0 - 0.5 && t.at <= x1 + 0.5);
  const yTicks = spaced(ticksOf(frame.y, axes.yTickCount, axes.yFormat), () => tick.size, labelGap / 2).filter((t) => t.at >= y1 - 0.5 && t.at <= y0 + 0.5);
  const { placed, bottom } = placeLegend(pieces.legend, originY + frameHeight + 4, width, measure);
  return {
    width,
    height: Math.ceil(bottom + pad),
    title: { text: pieces.title, x: pad, baseline: titleBaseline, size: titleSize },
    frame,
    origin: [0, originY],
    axes,
    xTicks,
    yTicks,
    xTitleBaseline: frameHeight - 4,
    yTitleCentre: pad + axisTitle.size / 2,
    legend: placed,
  };
}

/** An exported plot box is at least this wide and high (a phone's is smaller); grown in proportion, at most this high. */
export const EXPORT_PLOT = { minWidth: 440, minHeight: 220, maxHeight: 560 } as const;

/**
 * The plot box of an export: the screen's, or on a small screen a readable
 * one, so an image saved on a phone is as readable on a slide as one saved on
 * a laptop. With `keepAspect` (the weight space, whose view is fitted to the
 * box with equal units) the screen's box is grown in proportion; otherwise
 * width and height each grow to their least.
 */
export function exportPlotSize(width: number, height: number, keepAspect = false): { width: number; height: number } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  if (!keepAspect) return { width: Math.max(w, EXPORT_PLOT.minWidth), height: Math.max(h, EXPORT_PLOT.minHeight) };
  const grow = Math.max(1, Math.min(EXPORT_PLOT.minWidth / w, EXPORT_PLOT.maxHeight / h));
  return { width: w * grow, height: h * grow };
}

/** Device pixels per CSS pixel of the PNG: 2, or more when the chart is narrower than its on-screen plot, so the PNG is at least twice as wide as the screen's. */
export function pngRatio(layout: Pick<ExportLayout, 'width'>, screen: { readonly width: number }): number {
  return Math.max(2, (2 * screen.width) / Math.max(1, layout.width));
}

export function pngSize(layout: Pick<ExportLayout, 'width' | 'height'>, screen: { readonly width: number }): { width: number; height: number; ratio: number } {
  const ratio = pngRatio(layout, screen);
  return { width: Math.ceil(layout.width * ratio), height: Math.ceil(layout.height * ratio), ratio };
}
