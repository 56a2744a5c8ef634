// How the charts are viewed: the x-axis, the loss scale, the smoothing, the
// playback speed and the presentation view. Not training state: the page keeps it, and the link records
// it, so the names are defined here, below the charts and the controls that use them.
import { DEFAULT_SPEED } from '../store/runTypes.ts';

/** What the loss chart's x-axis counts. */
export const X_AXES = ['steps', 'epochs', 'examples'] as const;
export type XAxisMode = (typeof X_AXES)[number];
/** How the loss chart's y-axis is scaled. */
export const Y_SCALES = ['log', 'linear'] as const;
export type YScaleMode = (typeof Y_SCALES)[number];

/** Playback speeds offered on the page, in gradient steps per second of the primary run. */
export const SPEED_CHOICES = [2, DEFAULT_SPEED, 60, 600, 'max'] as const;
export type SpeedChoice = (typeof SPEED_CHOICES)[number];

export const MAX_SMOOTH = 0.99;

/** A zoomed x-range of the loss chart, [from, to] in the units of its x-axis (from < to). */
export type XZoom = readonly [number, number];

export interface ViewState {
  x: XAxisMode;
  y: YScaleMode;
  /** Exponential-moving-average weight in [0, MAX_SMOOTH] of the mini-batch loss; 0 draws the raw curve. The full and validation losses are never smoothed. */
  smooth: number;
  /** Playback speed: part of the link so a prepared experiment plays at a pace that shows it. */
  speed: SpeedChoice;
  /** The loss chart's zoomed x-range, or null for the whole run; in x-axis units, so it resets when the x-axis changes. */
  zoom: XZoom | null;
  /** A logarithmic x-axis (step 0, which a log axis cannot place, is drawn at its left edge). */
  logx: boolean;
  /** The presentation view for a projector: large type, thick lines, no settings; the transport and the question stay. */
  present: boolean;
}

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({ x: 'steps', y: 'log', smooth: 0, speed: DEFAULT_SPEED, zoom: null, logx: false, present: false });

/** The view with another x-axis. A zoom is in the old axis's units, so a new axis shows the whole run. */
export function withXAxis(view: ViewState, x: XAxisMode): ViewState {
  return x === view.x ? view : { ...view, x, zoom: null };
}

/** A yes/no view parameter: 1/true or 0/false (any case, spaces ignored), else undefined. */
export function parseViewFlag(text: string): boolean | undefined {
  const v = text.trim().toLowerCase();
  return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined;
}
