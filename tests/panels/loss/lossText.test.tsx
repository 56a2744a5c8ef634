import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { hoverRows } from '../../../src/panels/loss/hoverRows.ts';
import { buildLossLayout, type LossOptions } from '../../../src/panels/loss/lossLayout.ts';
import { lossSummary } from '../../../src/panels/loss/lossSummary.ts';
import { LossTooltip } from '../../../src/panels/loss/LossTooltip.tsx';
import { startLossFor } from '../../../src/panels/shared/dataCache.ts';
import { formatEpochs, formatValue } from '../../../src/panels/shared/format.ts';
import { trainedRun } from '../runFixture.ts';
import { createTrainer, type Settings } from '../../../src/core/index.ts';

const options: LossOptions = { xAxis: 'steps', yScale: 'log', smoothing: 0, primaryRunId: null, initialLoss: (r) => startLossFor(r.settings) };

describe('what the loss chart says in words', () => {
  it('tells a screen reader where each run stands, or why there is nothing', () => {
    expect(lossSummary(buildLossLayout([], options))).toBe('Loss chart: no visible runs.');
    expect(lossSummary(buildLossLayout([trainedRun({}, 0)], options))).toBe('Loss chart: no steps taken yet.');
    const run = trainedRun({}, 25, 'b=10');
    expect(lossSummary(buildLossLayout([run], options))).toBe(`b=10: full-data loss after 25 steps: ${formatValue(run.lossSeries.loss[24])}`);
  });

  it('reads step, epoch and both losses in the tooltip, and "start" for the batch loss at step 0', () => {
    const run = trainedRun({}, 25, 'b=10'); // 10 steps per epoch
    const layout = buildLossLayout([run], options);
    const cells = (x: number) =>
      [...renderToStaticMarkup(<LossTooltip rows={hoverRows(layout, x)} left={100} width={560} top={10} announce />).matchAll(/<td>(.*?)<\/td>/g)].map((m) =>
        m[1].replace(/<[^>]*>/g, ''),
      );
    expect(cells(12)).toEqual(['b=10', '12', formatEpochs(12 / 10), formatValue(run.lossSeries.loss[11]), formatValue(run.lossSeries.batchLoss[11])]);
    expect(cells(0)).toEqual(['b=10', '0', formatEpochs(0), formatValue(startLossFor(run.settings)), 'start']);
  });

  it('announces only keyboard reading and flips to the left of the crosshair past the middle', () => {
    const rows = hoverRows(buildLossLayout([trainedRun({}, 5)], options), 3);
    const pointer = renderToStaticMarkup(<LossTooltip rows={rows} left={100} width={560} top={10} announce={false} />);
    expect(pointer).not.toContain('role="status"');
    expect(pointer).toContain('style="top:12px;left:110px"');
    const keyboard = renderToStaticMarkup(<LossTooltip rows={rows} left={400} width={560} top={10} announce />);
    expect(keyboard).toContain('role="status"');
    // Left of the crosshair (before the table's width is measured it counts as 0 wide; tooltipPlacement.test.ts has the rest).
    expect(keyboard).toContain('style="top:12px;left:390px"');
  });
});

describe('loss tooltip and validation loss', () => {
  /** The engine's validation loss after `steps` steps of a fresh run. */
  const engineValLoss = (settings: Settings, steps: number) => {
    const trainer = createTrainer(settings);
    trainer.advance(steps, null, null);
    return trainer.valLoss;
  };

  it('reads the val loss at the step read, the engine’s, at epoch ends and between them, and no column without a validation set', () => {
    const run = trainedRun({ val: 0.2 }, 25, 'v'); // 10 steps per epoch
    const layout = buildLossLayout([run], options);
    const cells = (rows: ReturnType<typeof hoverRows>) =>
      [...renderToStaticMarkup(<LossTooltip rows={rows} left={100} width={560} top={10} announce />).matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
    const atEnd = hoverRows(layout, 20);
    expect(atEnd[0].valLoss).toBe(run.epochs.valLoss![1]);
    expect(cells(atEnd).at(-1)).toBe(formatValue(run.epochs.valLoss![1]));
    for (const step of [0, 1, 13, 25]) {
      const [row] = hoverRows(layout, step);
      expect(row.step).toBe(step);
      expect(row.valLoss).toBe(engineValLoss(run.settings, step));
      expect(Number.isFinite(row.valLoss)).toBe(true);
      expect(cells([row]).at(-1)).toBe(formatValue(row.valLoss!));
    }
    // Not the training loss: the column says something of its own.
    expect(hoverRows(layout, 13)[0].valLoss).not.toBe(hoverRows(layout, 13)[0].loss);
    const plain = hoverRows(buildLossLayout([trainedRun({}, 25)], options), 20);
    expect(plain[0].valLoss).toBeNull();
    expect(renderToStaticMarkup(<LossTooltip rows={plain} left={100} width={560} top={10} announce />)).not.toContain('val loss');
  });
});
