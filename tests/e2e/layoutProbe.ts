// What a person sees of the page's layout, measured in the page in one call,
// for every engine: whether it scrolls sideways, where the charts and the text
// blocks are, which of them are cut off, and which text labels of a chart lie
// on top of each other. A page function: self-contained, sent as its source.
import type { Device } from './browser.ts';

export interface Screen {
  name: string;
  width: number;
  height: number;
  /** Chromium only: the other drivers open a plain window of the size. */
  device?: Device;
}

/** The screens a shared link is opened on: a phone (mobile, touch, 2×), a tablet, a laptop, full HD and 1440p. */
export const SCREENS: readonly Screen[] = [
  { name: 'phone', width: 390, height: 844, device: { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'full HD', width: 1920, height: 1080 },
  { name: '1440p', width: 2560, height: 1440 },
];

/** The widest phone layout (PHONE_QUERY in src/ui/Section.tsx): there the charts are full width. */
export const PHONE_MAX_WIDTH = 600;
/** The share of the viewport's width each main chart spans at least, on a phone and on anything wider. */
export const chartShareFor = (width: number): number => (width <= PHONE_MAX_WIDTH ? 0.9 : 0.3);

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface LayoutReport {
  innerWidth: number;
  innerHeight: number;
  /** The page's scroll width (more than innerWidth: it scrolls sideways). */
  scrollWidth: number;
  /** By test id: the two main charts, the data chart, the status line, the caption, the question, the loop view, Play. */
  boxes: Record<string, Box | null>;
  /** Blocks whose content is wider than their box (cut off or scrolling inside), with both widths. */
  clipped: string[];
  /** Pairs of a chart's text labels (title, legend items, tick labels, axis titles, buttons over it) that overlap. */
  overlaps: string[];
  /** How many text labels each chart has: a check that there was something to compare. */
  labelCounts: Record<string, number>;
}

export const PROBED = ['loss-panel', 'weight-panel', 'data-panel', 'status-line', 'caption', 'question-explanation', 'loop-view', 'play'] as const;

export function probeLayout(ids: readonly string[]): LayoutReport {
  const box = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  };
  const boxes: Record<string, Box | null> = {};
  const clipped: string[] = [];
  for (const id of ids) {
    const el = document.querySelector(`[data-testid="${id}"]`);
    boxes[id] = el ? box(el) : null;
    // A code box may scroll inside on purpose; every other block must show all of its text.
    if (el && id !== 'loop-view' && el.scrollWidth > el.clientWidth + 1) clipped.push(`${id} (${el.scrollWidth} > ${el.clientWidth})`);
  }
  const overlaps: string[] = [];
  const labelCounts: Record<string, number> = {};
  for (const figure of document.querySelectorAll('figure.panel')) {
    const chart = figure.getAttribute('data-testid') ?? 'panel';
    const card = figure.parentElement;
    const elements = [
      ...figure.querySelectorAll('.panel-title, .panel-legend li, .axis .tick text, .axis-title, .panel-overlay-toolbar button'),
      ...(card ? card.querySelectorAll(':scope > .chart-image-buttons button') : []),
    ];
    const labels = elements
      .map((el) => ({ name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`, text: (el.textContent ?? '').trim(), b: box(el) }))
      .filter((l) => l.text !== '' && l.b.width > 0 && l.b.height > 0);
    labelCounts[chart] = labels.length;
    // Boxes that only touch (a pixel of line-height) are not an overlap a reader would see.
    const slack = 1;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].b;
        const c = labels[j].b;
        const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
        const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
        if (w > slack && h > slack) overlaps.push(`${chart}: ${labels[i].name} and ${labels[j].name} overlap by ${w.toFixed(1)}×${h.toFixed(1)} px`);
      }
    }
  }
  return {
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    boxes,
    clipped,
    overlaps,
    labelCounts,
  };
}

/** The problems of a report a person would notice at any size: sideways scrolling, a chart off screen, text cut off. */
export function layoutProblems(report: LayoutReport, minChartShare: number): string[] {
  const problems: string[] = [];
  if (report.scrollWidth > report.innerWidth) problems.push(`the page scrolls sideways: ${report.scrollWidth} px wide in ${report.innerWidth}`);
  for (const [id, b] of Object.entries(report.boxes)) {
    if (!b) continue;
    if (b.left < 0 || b.right > report.innerWidth + 0.5) problems.push(`${id} is outside the viewport: ${b.left.toFixed(0)}…${b.right.toFixed(0)} of ${report.innerWidth}`);
  }
  for (const id of ['loss-panel', 'weight-panel']) {
    const b = report.boxes[id];
    if (!b) problems.push(`${id} is missing`);
    else if (b.width < minChartShare * report.innerWidth) problems.push(`${id} is ${b.width.toFixed(0)} px wide, under ${minChartShare * 100}% of ${report.innerWidth}`);
    else if (b.height < 250) problems.push(`${id} is only ${b.height.toFixed(0)} px tall`);
  }
  return [...problems, ...report.clipped.map((c) => `cut off: ${c}`)];
}
