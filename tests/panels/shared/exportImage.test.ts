import { describe, expect, it } from 'vitest';
import { composeSvg, escapeAttribute, exportFileName } from '../../../src/panels/shared/exportImage.ts';

describe('chart export', () => {
  const layers = [
    { kind: 'svg' as const, markup: '<svg><g class="grid"/></svg>' },
    { kind: 'image' as const, href: 'data:image/png;base64,AAAA', width: 560, height: 290 },
    { kind: 'svg' as const, markup: '<svg><g class="axis"/></svg>' },
  ];

  it('stacks the layers bottom first in one sized SVG document', () => {
    const svg = composeSvg(560.4, 290, layers, { title: 'Loss per step' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="560" height="290" viewBox="0 0 560 290">/);
    expect(svg.indexOf('class="grid"')).toBeLessThan(svg.indexOf('<image'));
    expect(svg.indexOf('<image')).toBeLessThan(svg.indexOf('class="axis"'));
    expect(svg).toContain('href="data:image/png;base64,AAAA"');
    expect(svg).toContain('<title>Loss per step</title>');
    expect(svg).toContain('.axis text');
  });

  it('paints a white background unless the SVG is a layer of a PNG', () => {
    expect(composeSvg(10, 10, [])).toContain('fill="#fff"');
    expect(composeSvg(10, 10, [], { background: false })).not.toContain('fill="#fff"');
  });

  it('cannot be broken out of by a title or link', () => {
    expect(composeSvg(10, 10, [], { title: '</title><script>x</script>' })).not.toContain('<script>');
    expect(escapeAttribute('a"b&<c>')).toBe('a&quot;b&amp;&lt;c&gt;');
  });

  it('names files after the chart', () => {
    expect(exportFileName('Loss per step', 'png')).toBe('epoch-lab-loss-per-step.png');
    expect(exportFileName('Weight space: full-data loss over (w1, w2)', 'svg')).toBe('epoch-lab-weight-space-full-data-loss-over-w1-w2.svg');
    expect(exportFileName('***', 'svg')).toBe('epoch-lab-chart.svg');
  });
});
