// A chart legend: a list of entries, each a small SVG of the chart's own mark
// beside its label. Entries draw their marks from the same style objects the
// chart's drawing code reads, so the two cannot drift apart.
import type { ReactNode } from 'react';
import type { DotStyle, StrokeStyle } from './markStyle.ts';

export function Legend({ children }: { readonly children: ReactNode }) {
  return (
    <ul className="panel-legend" aria-label="Legend">
      {children}
    </ul>
  );
}

export interface LegendSwatchProps {
  /** Size of the swatch's SVG in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The marks inside the swatch (SVG elements). */
  readonly marks: ReactNode;
  /** The entry's label. */
  readonly children: ReactNode;
}

export function LegendSwatch({ width, height, marks, children }: LegendSwatchProps) {
  return (
    <li>
      <svg width={width} height={height} aria-hidden="true">
        {marks}
      </svg>
      {children}
    </li>
  );
}

/** A straight line in a swatch, drawn with a chart's stroke style (full opacity is left implicit). */
export function SwatchLine({ x1, x2, y1, y2 = y1, color, stroke }: { readonly x1: number; readonly x2: number; readonly y1: number; readonly y2?: number; readonly color: string; readonly stroke: StrokeStyle }) {
  return (
    <line x1={x1} x2={x2} y1={y1} y2={y2} stroke={color} strokeWidth={stroke.width} strokeDasharray={stroke.dash?.join(' ')} opacity={stroke.alpha === 1 ? undefined : stroke.alpha} />
  );
}

/** A dot in a swatch with a chart's dot style; `stroke` omitted draws it without outline. */
export function SwatchDot({ cx, cy, dot, fill, stroke }: { readonly cx: number; readonly cy: number; readonly dot: DotStyle; readonly fill: string; readonly stroke?: string }) {
  return <circle cx={cx} cy={cy} r={dot.radius} fill={fill} stroke={stroke} strokeWidth={stroke === undefined ? undefined : dot.strokeWidth} />;
}
