// Where the table of values goes beside the crosshair: on the side with more
// room (the right in the chart's left half, the left in its right half), and
// when it fits on neither (a phone's chart is narrower than the
// table is wide on one side) moved in so that all of it stays in the chart
// rather than being cut at its edge.

/** Gap between the crosshair and the table, in pixels. */
export const TOOLTIP_GAP = 10;

/** The table's left edge in chart pixels, for a crosshair at `pointer` in a chart `chartWidth` wide. */
export function tooltipLeft(pointer: number, chartWidth: number, tipWidth: number): number {
  const right = pointer + TOOLTIP_GAP;
  const left = pointer - TOOLTIP_GAP - tipWidth;
  if (pointer > chartWidth / 2 ? left >= 0 : right + tipWidth > chartWidth && left >= 0) return left;
  if (right + tipWidth <= chartWidth) return right;
  return Math.max(0, chartWidth - tipWidth);
}
