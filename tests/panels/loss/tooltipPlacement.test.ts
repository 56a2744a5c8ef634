import { describe, expect, it } from 'vitest';
import { TOOLTIP_GAP, tooltipLeft } from '../../../src/panels/loss/tooltipPlacement.ts';

describe('tooltipLeft', () => {
  it('puts the table right of the crosshair in the chart’s left half, left of it in the right half', () => {
    expect(tooltipLeft(100, 800, 200)).toBe(100 + TOOLTIP_GAP);
    expect(tooltipLeft(600, 800, 200)).toBe(600 - TOOLTIP_GAP - 200);
  });

  it('keeps a table that fits on neither side inside the chart, against its right edge, or at 0 when wider than the chart', () => {
    // A phone: a 330 px table in a 360 px chart, read at three quarters.
    const left = tooltipLeft(270, 360, 330);
    expect(left).toBe(30);
    expect(left + 330).toBeLessThanOrEqual(360);
    expect(tooltipLeft(100, 300, 400)).toBe(0);
  });

  it('never returns a position that puts part of a table that fits the chart outside it', () => {
    for (let pointer = 0; pointer <= 360; pointer += 7) {
      for (const tip of [0, 50, 170, 250, 359]) {
        const left = tooltipLeft(pointer, 360, tip);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + tip).toBeLessThanOrEqual(360);
      }
    }
  });
});
