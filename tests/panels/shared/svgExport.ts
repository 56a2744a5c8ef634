// Reading a composed SVG export back: its <path>s with their attributes and
// points, its texts, and its legend entries, so tests can hold them against
// the runs' numbers.
import type { PlotFrame } from '../../../src/panels/shared/plotFrame.ts';

export interface SvgPath {
  readonly attributes: Record<string, string>;
  /** The M and L points of the path data, in order. */
  readonly points: readonly (readonly [number, number])[];
}

function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
}

export function svgPaths(svg: string): SvgPath[] {
  return [...svg.matchAll(/<path ([^>]*?)\/?>/g)].map(([, attrs]) => {
    const attributes = attributesOf(attrs);
    const points = [...(attributes.d ?? '').matchAll(/[ML](-?[\d.e+-]+) (-?[\d.e+-]+)/g)].map(([, x, y]) => [Number(x), Number(y)] as const);
    return { attributes, points };
  });
}

/** The text content of every <text>, unescaped. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, t]) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

export interface SvgLegendEntry {
  readonly runColor: string | undefined;
  readonly label: string;
  readonly marks: string;
}

export function svgLegend(svg: string): SvgLegendEntry[] {
  return [...svg.matchAll(/<g class="legend-entry"( data-run-color="([^"]*)")?><g transform="[^"]*">(.*?)<\/g>((?:<text[^>]*>[^<]*<\/text>)+)<\/g>/g)].map(([, , runColor, marks, label]) => ({
    runColor,
    marks,
    label: svgTexts(label).join(' '),
  }));
}

/** The translate(x,y) of the group holding the chart's layers (the frame's origin in the document). */
export function frameOrigin(svg: string): [number, number] {
  const m = /<\/defs><g transform="translate\(([-\d.]+),([-\d.]+)\)">/.exec(svg);
  if (!m) throw new Error('no layer group');
  return [Number(m[1]), Number(m[2])];
}

/** Row i of (xs, ys) as the frame maps it, rounded as the SVG writes coordinates. */
export function mapped(frame: PlotFrame, x: number, y: number): [number, number] {
  return [Math.round(frame.fastX(x) * 100) / 100, Math.round(frame.fastY(y) * 100) / 100];
}
