import { describe, expect, it } from 'vitest';
import { plainColor, SvgContext } from '../../../src/panels/shared/svgContext.ts';
import { svgPaths } from './svgExport.ts';

describe('the SVG-writing canvas context', () => {
  it('writes each stroke as a path with the state it was painted with', () => {
    const svg = new SvgContext();
    const ctx = svg.context;
    ctx.strokeStyle = '#0072B2';
    ctx.lineWidth = 2;
    ctx.globalAlpha = 0.5;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(1, 2);
    ctx.lineTo(3.14159, 4);
    ctx.stroke();
    const [path] = svgPaths(svg.markup());
    expect(path.points).toEqual([
      [1, 2],
      [3.14, 4],
    ]);
    expect(path.attributes).toMatchObject({ fill: 'none', stroke: '#0072B2', 'stroke-width': '2', 'stroke-opacity': '0.5', 'stroke-dasharray': '4 4' });
  });

  it('merges consecutive paints of one style into one path, and keeps a change of style apart', () => {
    const svg = new SvgContext();
    const ctx = svg.context;
    for (const color of ['#111111', '#111111', '#222222']) {
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.moveTo(0, 0);
      ctx.lineTo(5, 5);
      ctx.stroke();
    }
    const paths = svgPaths(svg.markup());
    expect(paths.map((p) => [p.attributes.stroke, p.points.length])).toEqual([
      ['#111111', 4],
      ['#222222', 2],
    ]);
  });

  it('draws a full circle as two relative arcs from its rightmost point to its leftmost and back, filled', () => {
    const svg = new SvgContext();
    const ctx = svg.context;
    ctx.fillStyle = '#D55E00';
    ctx.beginPath();
    ctx.arc(10, 20, 3, 0, 2 * Math.PI);
    ctx.fill();
    expect(svg.markup()).toBe('<path fill="#D55E00" d="M13 20a3 3 0 1 1 -6 0a3 3 0 1 1 6 0"/>');
  });

  it('restores saved state, and paints nothing for an empty path', () => {
    const svg = new SvgContext();
    const ctx = svg.context;
    ctx.lineWidth = 3;
    ctx.save();
    ctx.lineWidth = 7;
    ctx.restore();
    ctx.beginPath();
    ctx.stroke();
    expect(svg.markup()).toBe('');
    expect(ctx.lineWidth).toBe(3);
  });

  it('turns the lighter-shade color-mix into plain hex that every SVG reader understands', () => {
    // 45% of each channel plus 55% of white: 0x72 → 0.45·114 + 0.55·255 = 191.55 → 0xc0.
    expect(plainColor('color-mix(in srgb, #0072B2 45%, white)')).toBe('#8cc0dc');
    expect(plainColor('color-mix(in srgb, #000000 0%, white)')).toBe('#ffffff');
    expect(plainColor('#D55E00')).toBe('#D55E00');
  });

  it('keeps one of two dots of a fill within half a pixel of each other, and both when they are apart', () => {
    const svg = new SvgContext();
    const ctx = svg.context;
    ctx.beginPath();
    for (const [x, y] of [[10, 10], [10.1, 10.1], [12, 10]]) {
      ctx.moveTo(x + 2, y);
      ctx.arc(x, y, 2, 0, 2 * Math.PI);
    }
    ctx.fill();
    expect(svgPaths(svg.markup())[0].points).toEqual([
      [12, 10],
      [14, 10],
    ]);
  });
});
