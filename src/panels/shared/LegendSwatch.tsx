// A chart legend: a list of entries, each a small SVG of the chart's own mark
// beside its label. Entries draw their marks from the same style objects the
// chart's drawing code reads, so the two cannot drift apart; a chart's
// legendEntries.ts lists them once, for this legend and for its exports.
import type { ReactNode } from 'react';
import type { DotStyle, LegendEntry, StrokeStyle, SwatchMark } from './markStyle.ts';

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
  /** Keeps the entry's room without showing it or reading it out. */
  readonly unseen?: boolean;
}

export function LegendSwatch({ width, height, marks, children, unseen = false }: LegendSwatchProps) {
  return (
    <li className={unseen ? 'legend-unseen' : undefined} aria-hidden={unseen || undefined}>
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

/** One mark of a legend entry as an SVG element. */
export function SwatchMarkElement({ mark }: { readonly mark: SwatchMark }) {
  switch (mark.kind) {
    case 'line':
      return <SwatchLine x1={mark.x1} x2={mark.x2} y1={mark.y1} y2={mark.y2} color={mark.color} stroke={mark.stroke} />;
    case 'polyline':
      return (
        <polyline
          points={mark.points.map(([x, y]) => `${x},${y}`).join(' ')}
          fill="none"
          stroke={mark.color}
          strokeWidth={mark.stroke.width}
          strokeDasharray={mark.stroke.dash?.join(' ')}
          opacity={mark.stroke.alpha === undefined || mark.stroke.alpha === 1 ? undefined : mark.stroke.alpha}
        />
      );
    case 'dot':
      return <SwatchDot cx={mark.cx} cy={mark.cy} dot={mark.dot} fill={mark.fill} stroke={mark.stroke} />;
    case 'rect':
      return <rect x={mark.x} y={mark.y} width={mark.width} height={mark.height} fill={mark.fill} stroke={mark.stroke} strokeWidth={mark.stroke === undefined ? undefined : mark.strokeWidth} />;
    case 'path':
      return <path d={mark.d} fill={mark.fill} stroke={mark.stroke} strokeWidth={mark.stroke === undefined ? undefined : mark.strokeWidth} />;
    case 'text':
      return (
        <text x={mark.x} y={mark.y} textAnchor="middle" fontSize={mark.fontSize} fontWeight={mark.fontWeight} fill={mark.fill}>
          {mark.text}
        </text>
      );
  }
}

/** The label in a box as wide as the wider of it and `reserve`, which is laid out unseen in the same place. */
function ReservedLabel({ label, reserve }: { readonly label: string; readonly reserve: string }) {
  return (
    <span className="legend-reserved">
      <span>{label}</span>
      <span className="legend-unseen" aria-hidden="true">
        {reserve}
      </span>
    </span>
  );
}

/**
 * A legend of entries listed as data (a chart's legendEntries.ts). `unseen`:
 * the label of an entry that keeps its room but is neither shown nor read out
 * (it may appear as data come).
 */
export function LegendEntries({ entries, unseen }: { readonly entries: readonly LegendEntry[]; readonly unseen?: string }) {
  return (
    <Legend>
      {entries.map((entry) => (
        <LegendSwatch
          key={entry.label}
          width={entry.width}
          height={entry.height}
          unseen={entry.label === unseen}
          marks={entry.marks.map((mark, i) => (
            <SwatchMarkElement key={i} mark={mark} />
          ))}
        >
          {entry.reserve ? <ReservedLabel label={entry.label} reserve={entry.reserve} /> : entry.label}
        </LegendSwatch>
      ))}
    </Legend>
  );
}
