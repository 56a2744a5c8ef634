// val_loss on the loss chart: a hollow diamond in the run's colour at each
// epoch end, at the engine's own value, and a legend entry only when a run
// drawn has a validation set.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createEpochRecords, createTrainer, DEFAULT_SETTINGS, type Settings } from '../../../src/core/index.ts';
import { drawEpochDots } from '../../../src/panels/loss/drawEpochDots.ts';
import { lossLegendEntries, showsValidation, VAL_LOSS_LABEL } from '../../../src/panels/loss/legendEntries.ts';
import { lossFrame } from '../../../src/panels/loss/lossFrame.ts';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { LossLegend } from '../../../src/panels/loss/LossLegend.tsx';
import { lossMarks, type MarkOptions } from '../../../src/panels/loss/lossMarks.ts';
import { LOSS_STYLE } from '../../../src/panels/loss/style.ts';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { PAPER } from '../../../src/panels/shared/markStyle.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { trainedRun } from '../runFixture.ts';

const layoutOptions: LossOptions = { xAxis: 'steps', yScale: 'linear', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };
const markOptions: MarkOptions = { xAxis: 'steps', yScale: 'linear', plotWidth: 496, epochDotSpacing: 7, epochRuleSpacing: 6, clipMarkSpacing: 8 };

/** The core trainer's epoch records for the settings, run to the end. */
function engineEpochs(patch: Partial<Settings>) {
  const trainer = createTrainer({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...patch });
  const epochs = createEpochRecords(trainer.settings.epochs);
  while (trainer.status === 'running') trainer.advance(1000, null, epochs);
  return epochs;
}

describe('val_loss marks on the loss chart', () => {
  it('places a val mark at each epoch-end step with the engine’s val_loss, for val = 0.2', () => {
    const run = trainedRun({ val: 0.2, epochs: 3 }, Infinity, 'v');
    const layout = buildLossLayout([run], layoutOptions);
    const marks = lossMarks(layout, markOptions);
    const engine = engineEpochs({ val: 0.2, epochs: 3 });
    expect(marks.epochDots.map((d) => d.x)).toEqual(Array.from(engine.step.subarray(0, 3)));
    expect(marks.epochDots.map((d) => d.val)).toEqual(Array.from(engine.valLoss!.subarray(0, 3)));
    // Not the training loss at the same step: the mark carries the held-out examples' loss.
    expect(marks.epochDots.map((d) => d.val)).not.toEqual(marks.epochDots.map((d) => d.loss));
    // The y-axis holds them.
    for (const d of marks.epochDots) expect(d.val).toBeGreaterThanOrEqual(layout.yDomain[0]);
    expect(showsValidation(layout)).toBe(true);
  });

  it('has no val marks, and no legend entry, for a run without a validation set', () => {
    const layout = buildLossLayout([trainedRun({ epochs: 3 })], layoutOptions);
    const marks = lossMarks(layout, markOptions);
    expect(marks.epochDots).toHaveLength(3);
    expect(marks.epochDots.every((d) => Number.isNaN(d.val))).toBe(true);
    expect(showsValidation(layout)).toBe(false);
    expect(lossLegendEntries(null, false, LOSS_STYLE, false).map((e) => e.label)).not.toContain(VAL_LOSS_LABEL);
    // A hidden run with a validation set does not count: the layout draws only visible runs.
    const hidden = { ...trainedRun({ val: 0.2, epochs: 3 }, Infinity, 'h'), visible: false };
    expect(showsValidation(buildLossLayout([trainedRun({ epochs: 3 }), hidden], layoutOptions))).toBe(false);
  });

  it('draws each val mark as a paper diamond ringed in the run’s colour, at the frame’s position of the value', () => {
    const run = trainedRun({ val: 0.2, epochs: 3 }, Infinity, 'v');
    const layout = buildLossLayout([run], layoutOptions);
    const frame = lossFrame(layout, 560, 290, 'linear');
    const marks = lossMarks(layout, markOptions);
    const recorder = new CanvasRecorder();
    drawEpochDots(recorder.context, frame, marks.epochDots, LOSS_STYLE);
    const diamonds = recorder.paints.filter((p) => p.path.length === 5 && p.path[0].kind === 'moveTo');
    expect(diamonds.filter((p) => p.op === 'fill').map((p) => p.fillStyle)).toEqual([PAPER, PAPER, PAPER]);
    const rings = diamonds.filter((p) => p.op === 'stroke');
    expect(rings.map((p) => p.strokeStyle)).toEqual([run.color, run.color, run.color]);
    const r = LOSS_STYLE.epochVal.radius;
    rings.forEach((ring, i) => {
      const d = marks.epochDots[i];
      const top = ring.path[0] as { x: number; y: number };
      expect(top.x).toBeCloseTo(frame.x(d.x), 9);
      expect(top.y).toBeCloseTo(frame.y(d.val) - r, 9);
    });
  });

  it('names val_loss in the legend with a hollow diamond when asked', () => {
    const html = renderToStaticMarkup(<LossLegend smoothing={null} validation />);
    expect(html).toContain(VAL_LOSS_LABEL);
    expect(html).toMatch(/<path d="M[^"]+Z" fill="#[0-9a-f]+" stroke="[^"]+" stroke-width="1.25"/i);
    expect(renderToStaticMarkup(<LossLegend smoothing={null} />)).not.toContain(VAL_LOSS_LABEL);
  });
});
