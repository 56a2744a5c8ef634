import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { drawCurves } from '../../../src/panels/loss/drawCurves.ts';
import { drawEpochDots } from '../../../src/panels/loss/drawEpochDots.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout } from '../../../src/panels/loss/lossLayout.ts';
import { LossLegend } from '../../../src/panels/loss/LossLegend.tsx';
import { lossMarks } from '../../../src/panels/loss/lossMarks.ts';
import { LOSS_STYLE, type LossStyle } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { trainedRun } from '../runFixture.ts';

/** The attributes of each mark element of each legend entry, by entry label. */
function legendMarks(html: string): Map<string, Record<string, string>[]> {
  const out = new Map<string, Record<string, string>[]>();
  for (const [, svg, label] of html.matchAll(/<li><svg[^>]*>(.*?)<\/svg>(.*?)<\/li>/g)) {
    const marks = [...svg.matchAll(/<(line|polyline|circle)([^>]*)>/g)].map(([, tag, attrs]) => ({
      tag,
      ...Object.fromEntries([...attrs.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
    }));
    out.set(label, marks);
  }
  return out;
}

/** What the chart paints for a finished run, drawn with `style`. */
function chartPaints(style: LossStyle) {
  const run = trainedRun({}, Infinity);
  const layout = buildLossLayout([run], { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) });
  const frame = lossFrame(layout, 560, 290, 'log');
  const marks = lossMarks(layout, { xAxis: 'steps', yScale: 'log', plotWidth: 496, epochDotSpacing: style.epochDotSpacing, epochRuleSpacing: style.epochRuleSpacing, clipMarkSpacing: style.clipMarkSpacing });
  const recorder = new CanvasRecorder();
  drawCurves(recorder.context, frame, { layout, smoothed: false }, style);
  drawEpochDots(recorder.context, frame, marks.epochDots, style);
  const paints = recorder.paints;
  const dots = paints.filter((p) => p.path.length === 1 && p.path[0].kind === 'arc');
  return {
    color: run.color,
    fullWidth: paints.find((p) => p.op === 'stroke' && p.path.length > 1 && p.globalAlpha === 1)!.lineWidth,
    // A filled dot in the run's colour is the epoch-end loss; a paper dot ringed in it is the epoch mean.
    lossRadii: new Set(dots.filter((p) => p.op === 'fill' && p.fillStyle === run.color).map((p) => (p.path[0] as { r: number }).r)),
    meanRadii: new Set(dots.filter((p) => p.op === 'stroke' && p.strokeStyle === run.color).map((p) => (p.path[0] as { r: number }).r)),
    meanRings: new Set(dots.filter((p) => p.op === 'stroke' && p.strokeStyle === run.color).map((p) => p.lineWidth)),
  };
}

function legendNumbers(style: LossStyle) {
  const marks = legendMarks(renderToStaticMarkup(<LossLegend smoothing={null} style={style} />));
  const [full] = marks.get('full-data loss')!;
  const [batch] = marks.get('mini-batch loss')!;
  const [loss] = marks.get('full loss at epoch end')!;
  const [mean] = marks.get('epoch mean of batch losses (what a training loop prints)')!;
  return { full, batch, loss, mean };
}

describe('loss legend', () => {
  for (const [name, style] of [
    ['the chart style', LOSS_STYLE],
    ['a changed style', { ...LOSS_STYLE, full: { ...LOSS_STYLE.full, raw: { width: 3, alpha: 1 } }, epochLoss: { radius: 4.5, strokeWidth: 1 }, epochMean: { radius: 2.5, strokeWidth: 2 } }],
  ] as const) {
    it(`draws its marks as the chart draws them, with ${name}`, () => {
      const chart = chartPaints(style);
      const legend = legendNumbers(style);
      expect(chart.lossRadii.size).toBe(1);
      expect(Number(legend.full['stroke-width'])).toBe(chart.fullWidth);
      expect(Number(legend.loss.r)).toBe([...chart.lossRadii][0]);
      expect([...chart.meanRadii]).toEqual([Number(legend.mean.r)]);
      expect([...chart.meanRings]).toEqual([Number(legend.mean['stroke-width'])]);
      expect(Number(legend.batch['stroke-width'])).toBe(style.batch.raw.width);
    });
  }

  it('says when the batch curve is smoothed', () => {
    expect(renderToStaticMarkup(<LossLegend smoothing="smoothed over 0.38 epochs" />)).toContain('mini-batch loss, smoothed over 0.38 epochs (faint: raw)');
    expect(renderToStaticMarkup(<LossLegend smoothing={null} />)).not.toContain('smoothed');
  });

  it('explains the marks on the axis edge only when a curve is beyond it, keeping that entry\'s room either way', () => {
    const entry = (markup: string) => /<li([^>]*)>(?:(?!<li).)*beyond the axis \(marked on its edge\)/.exec(markup)?.[1];
    const clipped = renderToStaticMarkup(<LossLegend smoothing={null} clipped />);
    const inside = renderToStaticMarkup(<LossLegend smoothing={null} />);
    expect(entry(clipped)).toBe('');
    // Unseen and not read out, but laid out: the legend does not wrap anew (and shift the chart) when a curve leaves the axis.
    expect(entry(inside)).toBe(' class="legend-unseen" aria-hidden="true"');
    expect(inside.match(/<li/g)).toHaveLength(clipped.match(/<li/g)!.length);
  });
});
